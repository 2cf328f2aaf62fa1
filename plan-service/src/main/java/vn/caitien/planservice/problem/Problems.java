package vn.caitien.planservice.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/**
 * The RFC 7807 bodies every refusal is written as, whoever writes it: the web's exception handler, its servlet
 * filters, and Spring Security's entry points (which answer before any controller is reached).
 */
public final class Problems {
    private Problems() {
    }

    public static ProblemDetail rejectedRequest() {
        String detail = "Địa chỉ hoặc tham số chứa đoạn không được phép (vd. “..”, “;”, “%25”, “//” hoặc ký tự điều khiển)";
        return problem(HttpStatus.BAD_REQUEST, "rejected-request", "Yêu cầu không hợp lệ", detail,
                List.of(new FieldError("path", detail)));
    }

    public static final String FORBIDDEN_TYPE = "forbidden";
    public static final String FORBIDDEN_TITLE = "Không có quyền";

    /** 401: no token, or one the service does not accept (wrong signature or issuer, expired, malformed). */
    public static ProblemDetail unauthorized() {
        String detail = "Thiếu hoặc sai mã truy cập (access token); hãy đăng nhập rồi gửi lại với "
                + "Authorization: Bearer <mã truy cập>";
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Cần đăng nhập", detail,
                List.of(new FieldError(HttpHeaders.AUTHORIZATION, "Thiếu, hết hạn hoặc không hợp lệ")));
    }

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail,
                                 List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type.startsWith("https:") ? type : "https://caitien.vn/problems/" + type));
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return problem;
    }
}
