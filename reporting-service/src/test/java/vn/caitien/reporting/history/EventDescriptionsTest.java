package vn.caitien.reporting.history;

import org.junit.jupiter.api.Test;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.Money;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.api.report.ReportSubmitted;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventDescriptionsTest {
    private static final PlanId PLAN = PlanId.of("p");
    private static final SchoolYear YEAR = SchoolYear.parse("2023-2024");

    @Test
    void describesProgressWithItsDateStatusAndEvidence() {
        ProgressRecorded e = new ProgressRecorded(PLAN, ActionItemId.of("i"), "x", ProgressStatus.CHAM_TIEN_DO, 20,
                List.of(), null, List.of(EvidenceCode.parse("H3-3.1-3"), EvidenceCode.parse("MC.3.1.04")),
                Money.of(0), LocalDate.of(2024, 5, 24));
        assertThat(EventDescriptions.describe(e))
                .isEqualTo("Ghi nhận tiến độ ngày 24/05/2024: Chậm tiến độ 20%, minh chứng [H3-3.1-03], MC.3.1.04");
        assertThat(EventDescriptions.effectiveDate(e)).isEqualTo(LocalDate.of(2024, 5, 24));
    }

    @Test
    void namesTheReportPeriodOnceAndMarksCorrections() {
        assertThat(EventDescriptions.describe(new ReportSubmitted(PLAN, ReportPeriod.CUOI_NAM, YEAR, 1, "s", null, null, null, null)))
                .isEqualTo("Nộp báo cáo giám sát cuối năm học 2023-2024");
        assertThat(EventDescriptions.describe(new ReportSubmitted(PLAN, ReportPeriod.CUOI_HK1, YEAR, 2, "s", null, null, "Sai số liệu", null)))
                .isEqualTo("Đính chính (lần 2) báo cáo giám sát cuối học kỳ I năm học 2023-2024, lý do: Sai số liệu");
    }

    @Test
    void saysWhenAChangeIsAnAmendmentAfterApproval() {
        assertThat(EventDescriptions.describe(new ActionItemRemoved(PLAN, ActionItemId.of("i"), "Đã hoàn thành")))
                .isEqualTo("Bỏ nội dung cải tiến i (điều chỉnh sau ban hành, lý do: Đã hoàn thành)");
        assertThat(EventDescriptions.effectiveDate(new ActionItemRemoved(PLAN, ActionItemId.of("i"), null))).isNull();
    }
}
