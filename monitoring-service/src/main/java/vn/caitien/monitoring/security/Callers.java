package vn.caitien.monitoring.security;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import vn.caitien.access.Caller;

import java.time.Instant;
import java.util.Optional;

/**
 * The signed-in user of a request, read from the claims of its validated access token. Controllers
 * declare a {@link Caller} parameter; requests without a token never reach them (see
 * {@link SecurityConfiguration}), so the argument is always present there.
 */
public final class Callers implements HandlerMethodArgumentResolver {

    public static Optional<Caller> of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(Caller.fromClaims(token.getTokenAttributes()));
        }
        return Optional.empty();
    }

    /** The token becomes an authentication whose authorities are the caller's roles (health details for ADMIN). */
    static JwtAuthenticationToken authentication(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, Caller.fromClaims(jwt.getClaims()).roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList(), jwt.getSubject());
    }

    public static Optional<Caller> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** When the current token stops being valid; the live stream ends then. */
    public static Optional<Instant> currentExpiry() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return Optional.ofNullable(token.getToken().getExpiresAt());
        }
        return Optional.empty();
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        // A handler reached without a token is a configuration mistake: refuse rather than guess.
        return current().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                ProblemResponses.UNAUTHENTICATED_DETAIL));
    }
}
