package vn.caitien.monitoring.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import vn.caitien.readside.web.SecurityRefusals;

import java.util.Locale;

/**
 * Refusals decided before a controller runs, in the same RFC 7807 shape and Vietnamese as every other
 * answer: 401 (no token, or one that is expired, forged or from another issuer) with
 * {@code WWW-Authenticate: Bearer …}, and 403 for maintenance endpoints called by a non-administrator.
 */
@Component
public class ProblemResponses extends SecurityRefusals {
    public static final String UNAUTHENTICATED_DETAIL =
            "Thiếu hoặc sai mã truy cập (access token): hãy đăng nhập rồi gửi lại yêu cầu với tiêu đề "
                    + "Authorization: Bearer <mã truy cập>.";
    static final String EXPIRED_DETAIL = "Mã truy cập (access token) đã hết hạn: hãy đăng nhập lại.";
    static final String ADMIN_ONLY_DETAIL =
            "Chỉ quản trị hệ thống được dựng lại dữ liệu, xử lý sự kiện lỗi và xem chỉ số chi tiết của dịch vụ.";
    static final String FORBIDDEN_DETAIL = "Tài khoản của bạn không có quyền thực hiện yêu cầu này.";

    public ProblemResponses(ObjectMapper json) {
        super(json);
    }

    @Override
    protected String unauthenticated(HttpServletRequest request, AuthenticationException failure) {
        String reason = failure == null || failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        return reason.contains("expired") ? EXPIRED_DETAIL : UNAUTHENTICATED_DETAIL;
    }

    @Override
    protected String forbidden(HttpServletRequest request) {
        return SecurityConfiguration.isAdministration(request) ? ADMIN_ONLY_DETAIL : FORBIDDEN_DETAIL;
    }
}
