package vn.caitien.planservice.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.caitien.planservice.application.InvalidHeader;
import vn.caitien.planservice.application.VersionConflict;
import vn.caitien.planservice.domain.PlanRejected;
import vn.caitien.planservice.problem.FieldError;
import vn.caitien.planservice.problem.Problems;
import vn.caitien.planservice.security.NotAllowed;
import vn.caitien.planservice.security.PlanNotFound;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static vn.caitien.planservice.problem.Problems.FORBIDDEN_TITLE;
import static vn.caitien.planservice.problem.Problems.FORBIDDEN_TYPE;
import static vn.caitien.planservice.problem.Problems.problem;
import static vn.caitien.planservice.problem.Problems.unauthorized;

/**
 * Turns every client mistake into RFC 7807 problem+json with a Vietnamese message and the fields at
 * fault. Only a fault of the service itself is a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(PlanRejected.class)
    ProblemDetail rejected(PlanRejected e) {
        return problem(HttpStatus.valueOf(e.rejection().status()), e.rejection().type(), e.rejection().title(),
                e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "plan-not-found", "Không tìm thấy kế hoạch",
                "Không có kế hoạch mã " + e.getAggregateIdentifier(), List.of(new FieldError("planId", "Không tồn tại")));
    }

    @ExceptionHandler(PlanNotFound.class)
    ProblemDetail notFound(PlanNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "plan-not-found", "Không tìm thấy kế hoạch", e.getMessage(),
                List.of(new FieldError("planId", "Không tồn tại")));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail duplicatePlan(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "plan-already-exists", "Kế hoạch đã tồn tại",
                "Đã có kế hoạch với mã này", List.of(new FieldError("planId", "Đã tồn tại")));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Kế hoạch vừa được người khác thay đổi",
                "Vui lòng tải lại và thử lại", List.of());
    }

    /** If-Match named an older version, or another change came first: 409 with the current version. */
    @ExceptionHandler(VersionConflict.class)
    ResponseEntity<ProblemDetail> versionConflict(VersionConflict e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "concurrent-change", "Kế hoạch vừa được người khác thay đổi",
                e.getMessage(), e.conditional() ? List.of(new FieldError(IfMatch.HEADER, e.getMessage())) : List.of());
        problem.setProperty("currentVersion", e.currentVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag(IfMatch.etag(e.currentVersion())).body(problem);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> versionConflict(ConflictingAggregateVersionException e) {
        return versionConflict(new VersionConflict(String.valueOf(e.getAggregateIdentifier()), e.getActualVersion(), true));
    }

    /** Signed in, allowed to see the plan, but not to do this. */
    @ExceptionHandler(NotAllowed.class)
    ProblemDetail notAllowed(NotAllowed e) {
        return problem(HttpStatus.FORBIDDEN, FORBIDDEN_TYPE, FORBIDDEN_TITLE, e.getMessage(),
                List.of(new FieldError("role", e.getMessage())));
    }

    /** Spring Security refusals raised inside a handler would otherwise fall to the catch-all 500. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return notAllowed(new NotAllowed("Tài khoản không có quyền thực hiện thao tác này"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(unauthorized());
    }

    /** Spring Security's firewall refuses some paths and parameters (".." segments, ";", "%25", control characters). */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejectedRequest(RequestRejectedException e) {
        return Problems.rejectedRequest();
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Dữ liệu gửi lên không hợp lệ",
                errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")), errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameter(HandlerMethodValidationException e) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Dữ liệu gửi lên không hợp lệ",
                errors.stream().map(FieldError::message).collect(Collectors.joining("; ")), errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpMessageNotReadableException e) {
        // The body limit's refusal reaches here wrapped by the message converter; it is a 413, not bad JSON.
        Optional<BodyTooLarge> tooLarge = BodyTooLarge.in(e);
        if (tooLarge.isPresent()) return BodyLimitFilter.answer(tooLarge.get().limit());
        return ResponseEntity.badRequest().body(unreadableJson(e));
    }

    private static ProblemDetail unreadableJson(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            String message = fieldMessage(mapping);
            return problem(HttpStatus.BAD_REQUEST, "invalid-value", "Giá trị không hợp lệ", field + ": " + message,
                    List.of(new FieldError(field, message)));
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Nội dung yêu cầu không phải JSON hợp lệ",
                "Không đọc được nội dung gửi lên; hãy gửi một đối tượng JSON đúng cú pháp", List.of());
    }

    @ExceptionHandler(InvalidHeader.class)
    ProblemDetail invalidHeader(InvalidHeader e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Yêu cầu không hợp lệ",
                e.header() + ": " + e.getMessage(), List.of(new FieldError(e.header(), e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "Giá trị '" + e.getValue() + "' không hợp lệ";
        return problem(HttpStatus.BAD_REQUEST, "invalid-value", "Giá trị không hợp lệ", e.getName() + ": " + message,
                List.of(new FieldError(e.getName(), message)));
    }

    /** Spring's own client errors (404 path, 405 method, 415 media type...) keep their status. */
    @ExceptionHandler({ErrorResponseException.class, NoResourceFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, MissingServletRequestParameterException.class,
            MissingPathVariableException.class})
    ProblemDetail springClientError(Exception e) {
        HttpStatusCode status = ((ErrorResponse) e).getStatusCode();
        String title = switch (status.value()) {
            case 404 -> "Không tìm thấy địa chỉ yêu cầu";
            case 405 -> "Phương thức HTTP không được hỗ trợ cho địa chỉ này";
            case 406 -> "Không có định dạng phản hồi phù hợp";
            case 415 -> "Kiểu nội dung không được hỗ trợ; hãy gửi application/json";
            default -> "Yêu cầu không hợp lệ";
        };
        return problem(status, "http-" + status.value(), title, e.getMessage(), List.of());
    }

    /** Spring refuses a wildcard Content-Type with a bare IllegalArgumentException: still the client's mistake. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("Content-Type cannot contain wildcard")) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "http-415", "Kiểu nội dung không được hỗ trợ; hãy gửi application/json",
                    "Content-Type không được chứa ký tự đại diện '*'", List.of(new FieldError("Content-Type", "Không hợp lệ")));
        }
        return unexpected(e);
    }

    @ExceptionHandler(InvalidMediaTypeException.class)
    ProblemDetail invalidMediaType(InvalidMediaTypeException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "http-415", "Kiểu nội dung không được hỗ trợ; hãy gửi application/json",
                "Content-Type '" + e.getMediaType() + "' không hợp lệ", List.of(new FieldError("Content-Type", "Không hợp lệ")));
    }

    @ExceptionHandler(EventStoreException.class)
    ProblemDetail storeUnavailable(EventStoreException e) {
        if (isDuplicateKey(e)) {
            // Axon reports an aggregate id used twice as a store failure; for the client it is a conflict.
            return problem(HttpStatus.CONFLICT, "plan-already-exists", "Kế hoạch đã tồn tại",
                    "Đã có kế hoạch với mã này", List.of(new FieldError("planId", "Đã tồn tại")));
        }
        log.error("Kho sự kiện lỗi", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "event-store-unavailable", "Kho dữ liệu tạm thời không sẵn sàng",
                "Không lưu được thay đổi; vui lòng thử lại sau", List.of());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Lỗi không mong đợi khi xử lý yêu cầu", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Lỗi hệ thống",
                "Hệ thống gặp lỗi khi xử lý yêu cầu; thay đổi chưa được lưu", List.of());
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) return true;
            if (t.getMessage() != null && t.getMessage().contains("Cannot reuse aggregate identifier")) return true;
        }
        return false;
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String fieldMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) return "Trường không được hỗ trợ";
        // Value types explain themselves in Vietnamese through IllegalArgumentException.
        if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) return iae.getMessage();
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "Giá trị '" + invalid.getValue() + "' không hợp lệ; chọn một trong "
                        + List.of(target.getEnumConstants());
            }
            return "Giá trị '" + invalid.getValue() + "' không đúng định dạng";
        }
        return "Giá trị không đúng kiểu";
    }
}
