package vn.caitien.reporting.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import vn.caitien.access.Caller;

import java.util.List;
import java.util.Set;

/** The {@link Caller} behind a request, read from the claims of its validated access token. */
public final class Callers {
    /** Nobody: no token, so no role, school or unit. */
    static final Caller ANONYMOUS = new Caller(null, null, null, Set.of(), null, null, List.of());

    private Callers() {
    }

    /** The token becomes an authentication whose authorities mirror the caller's roles (health details for ADMIN, logs, tools). */
    static JwtAuthenticationToken authentication(Jwt jwt) {
        Caller caller = Caller.fromClaims(jwt.getClaims());
        return new JwtAuthenticationToken(jwt,
                caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
                jwt.getSubject());
    }

    static Caller of(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken token
                ? Caller.fromClaims(token.getToken().getClaims()) : ANONYMOUS;
    }

    /** The caller of the request being handled on this thread. */
    public static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }
}
