package vn.caitien.readside.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Problem+json in Vietnamese for every refused read; only the service's own faults are 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReadProblems {
    private static final Logger log = LoggerFactory.getLogger(ReadProblems.class);

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalid(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", r.getMethodParameter().getParameterName(), "message", err.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, errors.isEmpty() ? "Tham số không hợp lệ" : errors.get(0).get("message"), errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        String message = "Giá trị '" + e.getValue() + "' không hợp lệ";
        return problem(HttpStatus.BAD_REQUEST, e.getName() + ": " + message,
                List.of(Map.of("field", e.getName(), "message", message)));
    }

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientLeft() {
        // A dashboard closed its live stream; nothing to answer.
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail other(Exception e) {
        if (e instanceof ErrorResponse response) {
            String detail = response.getBody().getDetail();
            return problem(response.getStatusCode(), detail == null ? e.getMessage() : detail, List.of());
        }
        log.error("Lỗi không mong đợi khi xử lý yêu cầu", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Hệ thống gặp lỗi khi xử lý yêu cầu", List.of());
    }

    /** The one shape of every refusal, also written by the security filters (401, 403). */
    public static ProblemDetail problem(HttpStatusCode status, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(switch (status.value()) {
            case 400 -> "Yêu cầu không hợp lệ";
            case 401 -> "Cần đăng nhập";
            case 403 -> "Không có quyền";
            case 404 -> "Không tìm thấy";
            case 405 -> "Phương thức HTTP không được hỗ trợ";
            case 409 -> "Xung đột trạng thái";
            case 429 -> "Quá nhiều yêu cầu";
            case 503 -> "Dịch vụ tạm thời không sẵn sàng";
            default -> status.is5xxServerError() ? "Lỗi hệ thống" : "Yêu cầu không được chấp nhận";
        });
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A refusal decided by the security filters, before any controller (401, 403), written in the same shape. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
                             HttpStatusCode status, String detail) throws IOException {
        if (response.isCommitted()) return;
        ProblemDetail problem = problem(status, detail, List.of());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
