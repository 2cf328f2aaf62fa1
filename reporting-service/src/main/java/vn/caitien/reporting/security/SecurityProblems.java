package vn.caitien.reporting.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import vn.caitien.readside.web.ReadProblems;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Refusals decided by the security filters, before any controller: the same problem+json in
 * Vietnamese as {@link ReadProblems}, with the {@code WWW-Authenticate: Bearer} header of RFC 6750.
 */
@Component
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String MISSING_TOKEN = "Thiếu mã truy cập (access token): đăng nhập rồi gửi kèm "
            + "tiêu đề Authorization: Bearer <mã truy cập>";
    static final String INVALID_TOKEN = "Mã truy cập (access token) không hợp lệ, đã hết hạn hoặc không do "
            + "máy chủ đăng nhập của hệ thống cấp; hãy đăng nhập lại";
    static final String ADMIN_ONLY = "Chỉ quản trị viên được dùng các chức năng bảo trì (sự kiện lỗi, số liệu vận hành)";
    static final String READ_ONLY = "Dịch vụ báo cáo chỉ cho xem: kế hoạch, tiến độ và báo cáo được ghi nhận "
            + "qua plan-service";
    static final String NOT_ALLOWED = "Tài khoản của bạn không có quyền truy cập địa chỉ này";

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper json;

    public SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    /** 401: no token, or one that is malformed, expired, badly signed or from another issuer. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearer.commence(request, response, e); // status and WWW-Authenticate (with error="invalid_token")
        boolean presented = e instanceof InvalidBearerTokenException
                || request.getHeader("Authorization") != null;
        write(request, response, HttpStatus.UNAUTHORIZED, presented ? INVALID_TOKEN : MISSING_TOKEN);
    }

    /** 403: a valid token whose roles do not allow this address: maintenance is for administrators, and no one writes here. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean maintenance = path.startsWith("/api/admin/") || path.startsWith("/actuator");
        boolean reading = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
        write(request, response, HttpStatus.FORBIDDEN, maintenance ? ADMIN_ONLY : !reading ? READ_ONLY : NOT_ALLOWED);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ReadProblems.problem(status, detail, List.of());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
