package vn.caitien.planservice.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import vn.caitien.planservice.problem.FieldError;
import vn.caitien.planservice.problem.Problems;

import java.io.IOException;
import java.util.List;

/**
 * Refusals decided in the security filters, before any controller runs, in the same problem+json shape
 * as {@link ProblemHandler}: 401 with {@code WWW-Authenticate: Bearer …} (missing, malformed, expired,
 * foreign-signed or other-issuer tokens), 403 for a signed-in user outside what the path allows, and
 * 400 for a request the firewall refuses.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {
    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // Sets 401 and WWW-Authenticate (Bearer, with error="invalid_token" when a token was refused).
        bearer.commence(request, response, e);
        write(response, Problems.unauthorized());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = "Chỉ quản trị hệ thống được xem địa chỉ này";
        ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, Problems.FORBIDDEN_TYPE,
                Problems.FORBIDDEN_TITLE, detail, List.of(new FieldError("role", detail)));
        response.setStatus(HttpStatus.FORBIDDEN.value());
        write(response, problem);
    }

    /** The firewall's refusal of a path or parameter (picked up by Spring Security as the bean of this type). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        write(response, Problems.rejectedRequest());
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) return;
        response.setContentType("application/problem+json;charset=UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
