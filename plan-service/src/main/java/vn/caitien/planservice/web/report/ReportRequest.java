package vn.caitien.planservice.web.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.report.ReportPeriod;

import java.time.LocalDate;

/**
 * Body of POST /api/plans/{id}/reports; {@code correction=true} files a new revision of a period.
 * {@code submittedOn} defaults to today; give it when entering a report sent earlier.
 */
public record ReportRequest(
        @NotNull(message = "Cần kỳ báo cáo (DAU_NAM, CUOI_HK1, CUOI_NAM)") ReportPeriod period,
        SchoolYear schoolYear,
        @NotBlank(message = "Cần tóm tắt kết quả giám sát") @Size(max = 8000) String summary,
        @Size(max = 16000) String findings,
        @Size(max = 8000) String recommendations,
        boolean correction,
        @Size(max = 2000) String correctionReason,
        @PastOrPresent(message = "Ngày gửi báo cáo không được ở tương lai") LocalDate submittedOn) {
}
