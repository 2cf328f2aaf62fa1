package vn.caitien.reporting.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import vn.caitien.readside.web.ReadProblems;
import vn.caitien.readside.web.SecurityRefusals;

/**
 * Refusals decided by the security filters, before any controller: the same problem+json in
 * Vietnamese as {@link ReadProblems}, with the {@code WWW-Authenticate: Bearer} header of RFC 6750.
 */
@Component
public class SecurityProblems extends SecurityRefusals {
    static final String MISSING_TOKEN = "Thiếu mã truy cập (access token): đăng nhập rồi gửi kèm "
            + "tiêu đề Authorization: Bearer <mã truy cập>";
    static final String INVALID_TOKEN = "Mã truy cập (access token) không hợp lệ, đã hết hạn hoặc không do "
            + "máy chủ đăng nhập của hệ thống cấp; hãy đăng nhập lại";
    static final String ADMIN_ONLY = "Chỉ quản trị viên được dùng các chức năng bảo trì (sự kiện lỗi, số liệu vận hành)";
    static final String READ_ONLY = "Dịch vụ báo cáo chỉ cho xem: kế hoạch, tiến độ và báo cáo được ghi nhận "
            + "qua plan-service";
    static final String NOT_ALLOWED = "Tài khoản của bạn không có quyền truy cập địa chỉ này";

    public SecurityProblems(ObjectMapper json) {
        super(json);
    }

    /** 401: no token, or one that is malformed, expired, badly signed or from another issuer. */
    @Override
    protected String unauthenticated(HttpServletRequest request, AuthenticationException e) {
        boolean presented = e instanceof InvalidBearerTokenException || request.getHeader("Authorization") != null;
        return presented ? INVALID_TOKEN : MISSING_TOKEN;
    }

    /** 403: a valid token whose roles do not allow this address: maintenance is for administrators, and no one writes here. */
    @Override
    protected String forbidden(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean maintenance = path.startsWith("/api/admin/") || path.startsWith("/actuator");
        boolean reading = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
        return maintenance ? ADMIN_ONLY : !reading ? READ_ONLY : NOT_ALLOWED;
    }
}
