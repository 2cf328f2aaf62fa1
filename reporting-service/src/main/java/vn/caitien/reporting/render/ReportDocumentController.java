package vn.caitien.reporting.render;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.reporting.render.RenderedReports.Document;
import vn.caitien.reporting.security.PlanGuard;
import vn.caitien.readside.web.ReadProblems;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A report as the document offices file: HTML to read, DOCX to edit, PDF to print and archive. Rendering is
 * bounded and submitted revisions are kept once rendered ({@link ReportDocuments}); when no document can be
 * had now the answer is 503 with Retry-After.
 */
@RestController
@Tag(name = "Báo cáo giám sát")
public class ReportDocumentController {
    private final ReportDocuments documents;
    private final PlanGuard guard;

    public ReportDocumentController(ReportDocuments documents, PlanGuard guard) {
        this.documents = documents;
        this.guard = guard;
    }

    @GetMapping(path = "/api/plans/{planId}/reports/{period}", params = "format")
    @Operation(summary = "Tải báo cáo dạng html, docx hoặc pdf (bản đã nộp, hoặc dự thảo)")
    public ResponseEntity<byte[]> document(@PathVariable String planId, @PathVariable ReportPeriod period,
                                           @RequestParam String format, @RequestParam(required = false) Integer revision) {
        guard.readable(planId);
        DocumentFormat kind = DocumentFormat.parse(format).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "Định dạng '" + format + "' không hỗ trợ; chọn html, docx hoặc pdf"));
        Document document = documents.document(planId, period, revision, kind);
        ContentDisposition disposition = (kind.inline() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(document.filename(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(kind.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(document.body());
    }

    @ExceptionHandler(RenderUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(RenderUnavailable e) {
        ProblemDetail problem = ReadProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(),
                List.of(Map.of("field", "format", "message", e.getMessage())));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem);
    }
}
