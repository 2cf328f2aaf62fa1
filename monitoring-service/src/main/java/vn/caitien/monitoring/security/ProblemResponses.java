package vn.caitien.monitoring.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Refusals decided before a controller runs, in the same RFC 7807 shape and Vietnamese as every other
 * answer: 401 (no token, or one that is expired, forged or from another issuer) with
 * {@code WWW-Authenticate: Bearer …}, and 403 for maintenance endpoints called by a non-administrator.
 */
@Component
public class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    public static final String UNAUTHENTICATED_TITLE = "Cần đăng nhập";
    public static final String UNAUTHENTICATED_DETAIL =
            "Thiếu hoặc sai mã truy cập (access token): hãy đăng nhập rồi gửi lại yêu cầu với tiêu đề "
                    + "Authorization: Bearer <mã truy cập>.";
    static final String EXPIRED_DETAIL = "Mã truy cập (access token) đã hết hạn: hãy đăng nhập lại.";
    public static final String FORBIDDEN_TITLE = "Không có quyền";
    static final String ADMIN_ONLY_DETAIL =
            "Chỉ quản trị hệ thống được dựng lại dữ liệu, xử lý sự kiện lỗi và xem chỉ số chi tiết của dịch vụ.";
    static final String FORBIDDEN_DETAIL = "Tài khoản của bạn không có quyền thực hiện yêu cầu này.";

    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenial = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        // Sets 401 and the WWW-Authenticate challenge (error="invalid_token" when a token was sent).
        bearerChallenge.commence(request, response, failure);
        String reason = failure == null || failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED_TITLE,
                reason.contains("expired") ? EXPIRED_DETAIL : UNAUTHENTICATED_DETAIL);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        bearerDenial.handle(request, response, denied);
        write(request, response, HttpStatus.FORBIDDEN, FORBIDDEN_TITLE,
                SecurityConfiguration.isAdministration(request) ? ADMIN_ONLY_DETAIL : FORBIDDEN_DETAIL);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                       String detail) throws IOException {
        if (response.isCommitted()) return;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", List.of());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
