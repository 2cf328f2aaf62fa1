package vn.caitien.identity;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors in Vietnamese instead of Spring Boot's English page: a refused authorization request (e.g. a
 * redirect URI that is not registered, which must not be redirected to), an expired login form, an
 * unknown page. The technical reason from the authorization server is shown too, for whoever set up the client.
 */
@RestController
class ErrorPage implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(HttpServletRequest request) {
        HttpStatus status = status(request);
        String detail = detail(request);
        // The technical reason right after the title: programs logging in show the start of this page.
        String body = "<div class=\"card\"><p class=\"error\" role=\"alert\">" + Html.escape(title(status)) + "</p>"
                + (detail.isEmpty() ? "" : "<p><small>Chi tiết kỹ thuật: <code>" + Html.escape(detail) + "</code></small></p>")
                + "<p>" + Html.escape(explanation(status)) + "</p>"
                + "<p><a href=\"" + Html.escape(request.getContextPath()) + "/login\">Về trang đăng nhập</a></p></div>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(Html.page(title(status), body));
    }

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> json(HttpServletRequest request) {
        HttpStatus status = status(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("title", title(status));
        body.put("detail", explanation(status));
        String detail = detail(request);
        if (!detail.isEmpty()) body.put("message", detail);
        return ResponseEntity.status(status).body(body);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detail(HttpServletRequest request) {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        return message == null ? "" : message.toString().strip();
    }

    static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Yêu cầu đăng nhập không hợp lệ";
            case UNAUTHORIZED -> "Cần đăng nhập";
            case FORBIDDEN -> "Không thực hiện được yêu cầu";
            case NOT_FOUND -> "Không tìm thấy trang";
            default -> "Có lỗi xảy ra";
        };
    }

    static String explanation(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Ứng dụng gửi yêu cầu đăng nhập với tham số sai hoặc chưa được đăng ký "
                    + "(mã ứng dụng, địa chỉ chuyển hướng, PKCE). Hãy mở lại ứng dụng từ đầu.";
            case UNAUTHORIZED -> "Hãy đăng nhập rồi thử lại.";
            case FORBIDDEN -> "Phiên đăng nhập có thể đã hết hạn. Hãy mở lại trang đăng nhập và thử lại.";
            case NOT_FOUND -> "Địa chỉ này không có trên máy chủ đăng nhập.";
            default -> "Máy chủ đăng nhập gặp lỗi (HTTP " + status.value() + "). Hãy thử lại sau ít phút.";
        };
    }
}
