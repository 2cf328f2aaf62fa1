package vn.caitien.readside.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * Refusals the security filters decide, before any controller, in the shape of {@link ReadProblems}: 401 with the
 * {@code WWW-Authenticate: Bearer} challenge of RFC 6750 ({@code error="invalid_token"} when a token was sent),
 * 403 likewise. A read service says only why, in Vietnamese, for its own addresses.
 */
public abstract class SecurityRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenial = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper json;

    protected SecurityRefusals(ObjectMapper json) {
        this.json = json;
    }

    /** Why a request without a usable token (none, malformed, expired, forged, another issuer's) is refused. */
    protected abstract String unauthenticated(HttpServletRequest request, AuthenticationException failure);

    /** Why a signed-in caller may not do this. */
    protected abstract String forbidden(HttpServletRequest request);

    @Override
    public final void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearerChallenge.commence(request, response, failure);
        ReadProblems.write(request, response, json, HttpStatus.UNAUTHORIZED, unauthenticated(request, failure));
    }

    @Override
    public final void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearerDenial.handle(request, response, denied);
        ReadProblems.write(request, response, json, HttpStatus.FORBIDDEN, forbidden(request));
    }
}
