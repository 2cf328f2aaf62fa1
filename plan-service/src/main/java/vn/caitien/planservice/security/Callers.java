package vn.caitien.planservice.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import vn.caitien.access.Caller;

/** The signed-in user of the current request, read from the claims of their validated access token. */
public final class Callers {
    private Callers() {
    }

    /** The token becomes an authentication whose authorities are the caller's roles (health details for ADMIN). */
    static JwtAuthenticationToken authentication(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, Caller.fromClaims(jwt.getClaims()).roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList(), jwt.getSubject());
    }

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Caller.fromClaims(token.getToken().getClaims());
        }
        throw new AuthenticationCredentialsNotFoundException("No signed-in user for this request");
    }

    /** The token subject, or null outside an authenticated request. */
    public static String subject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? token.getToken().getSubject() : null;
    }
}
