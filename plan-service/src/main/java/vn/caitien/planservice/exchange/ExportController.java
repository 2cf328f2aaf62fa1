package vn.caitien.planservice.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.plan.PlanId;
import vn.caitien.documents.write.DocxWriter;
import vn.caitien.documents.write.ExportDocument;
import vn.caitien.documents.write.ExportLayout;
import vn.caitien.documents.write.PlanToExport;
import vn.caitien.documents.write.XlsxWriter;
import vn.caitien.planservice.security.PlanGuard;
import vn.caitien.planservice.view.PlanView;

import java.util.function.Function;

/**
 * GET /api/plans/{id}/export.docx and .xlsx: the plan as the school prints it, in the 9-column
 * layout of the source documents, from plan-service's own view of the plan. Importing the file
 * gives the same plan back.
 */
@RestController
@RequestMapping("/api/plans/{planId}")
@Tag(name = "Nhập / xuất kế hoạch")
public class ExportController {
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PlanGuard guard;
    private final FrameworkCatalog catalog;

    public ExportController(PlanGuard guard, FrameworkCatalog catalog) {
        this.guard = guard;
        this.catalog = catalog;
    }

    @GetMapping("/export.docx")
    @Operation(summary = "Xuất kế hoạch ra tệp Word (.docx) theo mẫu 9 cột")
    public ResponseEntity<byte[]> docx(@PathVariable PlanId planId) {
        return export(planId, DOCX, ".docx", DocxWriter::write);
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "Xuất kế hoạch ra tệp Excel (.xlsx) theo mẫu 9 cột")
    public ResponseEntity<byte[]> xlsx(@PathVariable PlanId planId) {
        return export(planId, XLSX, ".xlsx", XlsxWriter::write);
    }

    private ResponseEntity<byte[]> export(PlanId planId, MediaType type, String extension,
                                          Function<ExportDocument, byte[]> writer) {
        PlanView plan = guard.readable(planId.value());
        ExportDocument document = ExportLayout.layout(toExport(plan), catalog.find(plan.frameworkId).orElse(null));
        byte[] bytes = writer.apply(document);
        // The file name is an ASCII slug ("ke-hoach-truong-mam-non-tuoi-hong-2021-2022.docx"): no encoding needed.
        ContentDisposition disposition = ContentDisposition.attachment().filename(document.fileName() + extension).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(bytes);
    }

    private static PlanToExport toExport(PlanView plan) {
        return new PlanToExport(plan.id, plan.school, plan.schoolName, plan.documentNumber, plan.schoolYear,
                plan.frameworkId, plan.issueDate, plan.issuePlace, plan.legalBases, plan.approvedBy,
                plan.items.stream().map(PlanView.Item::details).toList());
    }
}
