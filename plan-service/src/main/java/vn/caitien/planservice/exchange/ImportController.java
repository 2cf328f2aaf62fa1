package vn.caitien.planservice.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import vn.caitien.access.PlanScope;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.documents.read.ImportHints;
import vn.caitien.documents.read.UnreadableFile;
import vn.caitien.planservice.security.PlanGuard;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * POST /api/plans/import: a plan written in Word or Excel becomes a plan in the system. The
 * exception handlers here answer for this controller before the service-wide ProblemHandler, which
 * would otherwise turn upload failures into a 500.
 */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "Nhập / xuất kế hoạch", description = "Nhập kế hoạch từ tệp Word/Excel và xuất kế hoạch ra tệp")
public class ImportController {
    private final PlanImporter importer;
    private final PlanGuard guard;
    private final UploadLimits limits;

    ImportController(PlanImporter importer, PlanGuard guard, UploadLimits limits) {
        this.importer = importer;
        this.guard = guard;
        this.limits = limits;
    }

    @PostMapping("/import")
    @Operation(summary = "Nhập kế hoạch từ tệp .docx hoặc .xlsx (dryRun=true: chỉ xem trước, không lưu); hiệu trưởng, cho trường của mình")
    public ResponseEntity<ImportResponse> importPlan(
            @RequestParam("file") MultipartFile file,
            @Parameter(description = "Chỉ đọc và báo cáo, không tạo kế hoạch") @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "Ban hành kế hoạch ngay sau khi nhập") @RequestParam(defaultValue = "false") boolean approve,
            @Parameter(description = "Nhập cả khi tệp này đã được nhập trước đó") @RequestParam(defaultValue = "false") boolean force,
            @Parameter(description = "Không cần: đơn vị quản lý lấy theo tài khoản; nếu gửi, phải đúng đơn vị đó (ngăn bởi “/”)")
            @RequestParam(required = false) String managingUnit,
            @Parameter(description = "Số hiệu văn bản khi tệp không ghi (vd. 107/KH-LĐC)") @RequestParam(required = false) String documentNumber,
            @Parameter(description = "Bộ tiêu chuẩn, khi không muốn suy ra từ văn bản (vd. TT17-2018)") @RequestParam(required = false) String frameworkId,
            @Parameter(description = "Năm học, khi văn bản không ghi (vd. 2023-2024)") @RequestParam(required = false) String schoolYear,
            @Parameter(description = "Không cần: mã trường lấy theo tài khoản; nếu gửi, phải đúng mã đó") @RequestParam(required = false) String schoolCode)
            throws IOException {
        PlanScope scope = guard.scopeOfNewPlan(schoolCode, ImportHints.path(managingUnit));
        if (file.getSize() > limits.maxFileBytes()) throw limits.fileTooLarge();
        SchoolYear year = null;
        if (schoolYear != null && !schoolYear.isBlank()) {
            try {
                year = SchoolYear.parse(schoolYear);
            } catch (IllegalArgumentException e) {
                throw ImportRefused.badParameter("schoolYear", e.getMessage());
            }
        }
        ImportHints hints = new ImportHints(scope.managingUnit(), documentNumber, frameworkId, year);
        ImportResponse response;
        try (UploadLimits.Turn turn = limits.turn()) {
            response = importer.importFile(file.getBytes(), file.getOriginalFilename(),
                    new PlanImporter.Options(dryRun, approve, force, hints, scope));
        }
        if (!response.created()) return ResponseEntity.ok(response);
        return ResponseEntity.created(URI.create("/api/plans/" + response.planId())).body(response);
    }

    @ExceptionHandler(UnreadableFile.class)
    ProblemDetail unreadable(UnreadableFile e) {
        UnreadableFile.Reason reason = e.reason();
        return ExchangeProblems.problem(reason.status(), reason.type(), reason.title(), e.getMessage(), "file",
                e.diagnostics().isEmpty() ? Map.of() : Map.of("diagnostics", e.diagnostics()));
    }

    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(ImportRefused e, HttpServletResponse response) {
        // Busy is not the client's fault: say when to try again, as the message does.
        if (e.status() == 503) response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limits.retryAfterSeconds()));
        return ResponseEntity.status(e.status()).body(problemOf(e));
    }

    private static ProblemDetail problemOf(ImportRefused e) {
        return ExchangeProblems.problem(e.status(), e.type(), e.title(), e.getMessage(), e.field(), e.properties());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
        return problemOf(limits.fileTooLarge());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail noFile(MissingServletRequestPartException e) {
        return ExchangeProblems.problem(400, "import-no-file", "Thiếu tệp kế hoạch",
                "Hãy gửi tệp .docx hoặc .xlsx trong trường “file” của biểu mẫu multipart/form-data", "file", Map.of());
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail notMultipart(MultipartException e, HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/")) {
            return ExchangeProblems.problem(415, "import-not-multipart", "Kiểu nội dung không được hỗ trợ",
                    "Hãy gửi multipart/form-data với tệp trong trường “file”", "file", Map.of());
        }
        // Spring's message is English and names the parser's exception classes: it is not shown.
        return ExchangeProblems.problem(400, "import-bad-upload", "Không đọc được dữ liệu tải lên",
                "Dữ liệu multipart/form-data không hợp lệ hoặc bị cắt ngang; hãy gửi lại tệp trong trường “file”",
                "file", Map.of());
    }
}
