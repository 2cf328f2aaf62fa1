package vn.caitien.reporting.render;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.reporting.report.MonitoringReport;
import vn.caitien.reporting.report.ReportController;
import vn.caitien.reporting.security.PlanGuard;

import java.nio.charset.StandardCharsets;

/** A report as the document offices file: HTML to read, DOCX to edit, PDF to print and archive. */
@RestController
@Tag(name = "Báo cáo giám sát")
public class ReportDocumentController {
    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private final ReportController reports;
    private final ReportHtmlRenderer html;
    private final ReportDocxRenderer docx;
    private final ReportPdfRenderer pdf;
    private final PlanGuard guard;

    public ReportDocumentController(ReportController reports, ReportHtmlRenderer html, ReportDocxRenderer docx,
                                    ReportPdfRenderer pdf, PlanGuard guard) {
        this.reports = reports;
        this.html = html;
        this.docx = docx;
        this.pdf = pdf;
        this.guard = guard;
    }

    @GetMapping(path = "/api/plans/{planId}/reports/{period}", params = "format")
    @Operation(summary = "Tải báo cáo dạng html, docx hoặc pdf (bản đã nộp, hoặc dự thảo)")
    public ResponseEntity<byte[]> document(@PathVariable String planId, @PathVariable ReportPeriod period,
                                           @RequestParam String format, @RequestParam(required = false) Integer revision) {
        guard.readable(planId);
        MonitoringReport report = reports.resolve(planId, period, revision);
        String name = "bao-cao-giam-sat-" + period.name().toLowerCase().replace('_', '-') + "-" + report.schoolYear()
                + (report.revision() > 0 ? "-lan-" + report.revision() : "-du-thao");
        return switch (format) {
            case "html" -> file(html.render(report).getBytes(StandardCharsets.UTF_8),
                    new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8), name + ".html", true);
            case "docx" -> file(docx.render(report), DOCX, name + ".docx", false);
            case "pdf" -> file(pdf.render(report), MediaType.APPLICATION_PDF, name + ".pdf", false);
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Định dạng '" + format + "' không hỗ trợ; chọn html, docx hoặc pdf");
        };
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(filename, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(body);
    }
}
