package vn.caitien.reporting.report;

import org.junit.jupiter.api.Test;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.reporting.audit.PlanHistory;
import vn.caitien.readmodel.PlanRows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The content of a monitoring report, draft or frozen, from the plan's state at a moment. */
class ReportBuilderTest {
    private static final LocalDate JAN_15 = LocalDate.of(2024, 1, 15);
    private final ReportBuilder builder = new ReportBuilder();

    /** Five items: done, in progress and late, slow with an amendment, level 4 untouched, done long ago. */
    private PlanHistory plan() {
        return PlanHistory.of().created(null)
                .item("a", "1.4", YearMonth.of(2023, 12), 3_000_000L)
                .item("b", "1.5", YearMonth.of(2023, 12), null)
                .item("c", "3.1", YearMonth.of(2024, 1), 150_000_000L)
                .item("d", "M4.2", null, null)
                .item("e", "2.4", YearMonth.of(2023, 10), 5_000_000L)
                .approved(LocalDate.of(2023, 9, 20), "Nguyễn Văn A")
                .itemChanged("c", "3.1", YearMonth.of(2024, 1), 150_000_000L, "Dời sang năm sau")
                .progress("a", ProgressStatus.HOAN_THANH, null, "Đã tổ chức hai chuyên đề", 2_500_000L,
                        LocalDate.of(2023, 12, 20), "[H1-1.4-01]")
                .progress("b", ProgressStatus.DANG_THUC_HIEN, 55, "Sĩ số còn cao", null, LocalDate.of(2023, 12, 20))
                .progress("c", ProgressStatus.CHAM_TIEN_DO, 20, "Chưa phê duyệt dự án", 10_000_000L,
                        LocalDate.of(2024, 1, 10))
                .progress("e", ProgressStatus.HOAN_THANH, 80, "Xong", null, LocalDate.of(2023, 10, 30));
    }

    @Test
    void aDraftCountsItemsByStatusCompletionOverdueAndBudget() {
        MonitoringReport report = builder.build(plan().rows(), ReportPeriod.CUOI_HK1, null, JAN_15);

        assertThat(report.state()).isEqualTo(MonitoringReport.DRAFT);
        assertThat(report.revision()).isZero();
        assertThat(report.reportDate()).isEqualTo(JAN_15);
        assertThat(report.period()).isEqualTo("CUOI_HK1");
        assertThat(report.periodLabel()).isEqualTo("Cuối học kỳ I");
        MonitoringReport.Overview overview = report.overview();
        assertThat(overview.itemCount()).isEqualTo(5);
        assertThat(overview.countsByStatus()).containsExactly(Map.entry("CHUA_THUC_HIEN", 1),
                Map.entry("DANG_THUC_HIEN", 1), Map.entry("HOAN_THANH", 2), Map.entry("CHAM_TIEN_DO", 1),
                Map.entry("KHONG_THUC_HIEN", 0));
        assertThat(overview.completed()).isEqualTo(2);
        assertThat(overview.completionRate()).isEqualTo(0.4);
        assertThat(overview.overdue()).as("b ended in December unfinished; c ends this month").isEqualTo(1);
        assertThat(overview.budgetPlanned()).isEqualTo(158_000_000L);
        assertThat(overview.amountSpent()).isEqualTo(12_500_000L);
        assertThat(report.summary()).isNull();
        assertThat(report.monitoringLead()).isNull();
        assertThat(report.principal()).isEqualTo("Nguyễn Văn A");
    }

    @Test
    void itemRowsCarryCriterionStandardStatusAndProblemsOfUnfinishedWork() {
        List<MonitoringReport.Item> items = builder.build(plan().rows(), ReportPeriod.CUOI_HK1, null, JAN_15).items();

        assertThat(items).extracting(MonitoringReport.Item::no, MonitoringReport.Item::criterionCode,
                        MonitoringReport.Item::status, MonitoringReport.Item::statusLabel, MonitoringReport.Item::percent,
                        MonitoringReport.Item::overdue)
                .containsExactly(tuple(1, "1.4", "HOAN_THANH", "Hoàn thành", 100, false),
                        tuple(2, "1.5", "DANG_THUC_HIEN", "Đang thực hiện", 55, true),
                        tuple(3, "3.1", "CHAM_TIEN_DO", "Chậm tiến độ", 20, false),
                        tuple(4, "M4.2", "CHUA_THUC_HIEN", "Chưa thực hiện", null, false),
                        tuple(5, "2.4", "HOAN_THANH", "Hoàn thành", 100, false));
        MonitoringReport.Item done = items.get(0);
        assertThat(done.criterionName()).isEqualTo("Hiệu trưởng, phó hiệu trưởng, tổ chuyên môn và tổ văn phòng");
        assertThat(done.standardNo()).isEqualTo(1);
        assertThat(done.standardName()).isEqualTo("Tổ chức và quản lý nhà trường");
        assertThat(done.levelGroup()).isEqualTo("MỨC 1, 2, 3");
        assertThat(done.time()).isEqualTo("2023-09 – 2023-12");
        assertThat(done.budget()).isEqualTo("3 triệu");
        assertThat(done.evidenceCodes()).containsExactly("[H1-1.4-01]");
        assertThat(done.progressNarrative()).isEqualTo("Đã tổ chức hai chuyên đề");
        assertThat(done.problems()).as("a completed item has no problems").isNull();
        assertThat(done.adjustments()).isNull();

        MonitoringReport.Item slow = items.get(2);
        assertThat(slow.problems()).isEqualTo("Chưa phê duyệt dự án");
        assertThat(slow.adjustments()).isEqualTo("Điều chỉnh: Dời sang năm sau");

        MonitoringReport.Item level4 = items.get(3);
        assertThat(level4.standardNo()).isZero();
        assertThat(level4.standardName()).isEqualTo("Tiêu chí mức 4");
        assertThat(level4.time()).isNull();
        assertThat(level4.problems()).isNull();
    }

    @Test
    void anItemIsOverdueOnlyAfterTheLastDayOfItsEndMonth() {
        PlanRows plan = plan().rows();

        assertThat(builder.build(plan, ReportPeriod.CUOI_HK1, null, LocalDate.of(2023, 12, 31)).items().get(1).overdue())
                .isFalse();
        assertThat(builder.build(plan, ReportPeriod.CUOI_HK1, null, LocalDate.of(2024, 1, 1)).items().get(1).overdue())
                .isTrue();
        assertThat(builder.build(plan, ReportPeriod.CUOI_NAM, null, LocalDate.of(2024, 2, 1)).overview().overdue())
                .as("b and c; a completed item is never overdue, an open-ended one neither").isEqualTo(2);
    }

    @Test
    void theHeaderComesFromThePlanAndTheFramework() {
        MonitoringReport report = builder.build(plan().rows(), ReportPeriod.DAU_NAM, null, JAN_15);

        assertThat(report.planId()).isEqualTo(PlanHistory.PLAN);
        assertThat(report.schoolName()).isEqualTo("Trường Tiểu học Lê Đình Chinh");
        assertThat(report.managingUnit()).isEqualTo(PlanHistory.UNIT);
        assertThat(report.documentNumber()).isEqualTo("107/KH-LĐC");
        assertThat(report.schoolYear()).isEqualTo("2023-2024");
        assertThat(report.frameworkId()).isEqualTo("TT17-2018");
        assertThat(report.frameworkTitle()).isEqualTo("Thông tư 17/2018/TT-BGDĐT");
        assertThat(report.place()).as("no issue place: the last managing unit").isEqualTo("Quận 10");
        assertThat(report.recipients()).containsExactly("Hiệu trưởng nhà trường", "UBND/Phòng GDĐT Quận 10 (để báo cáo)");

        MonitoringReport placed = builder.build(PlanHistory.of().created("Phường Diên Hồng").rows(),
                ReportPeriod.DAU_NAM, null, JAN_15);
        assertThat(placed.place()).isEqualTo("Phường Diên Hồng");
    }

    @Test
    void anEmptyPlanHasARateOfZero() {
        MonitoringReport report = builder.build(PlanHistory.of().created(null).rows(), ReportPeriod.DAU_NAM, null, JAN_15);

        assertThat(report.items()).isEmpty();
        assertThat(report.overview().completionRate()).isZero();
        assertThat(report.overview().countsByStatus()).hasSize(5).allSatisfy((status, n) -> assertThat(n).isZero());
    }

    @Test
    void theCompletionRateIsRoundedToThreeDecimals() {
        PlanRows plan = PlanHistory.of().created(null)
                .item("a", "1.1", YearMonth.of(2024, 5), null)
                .item("b", "1.2", YearMonth.of(2024, 5), null)
                .item("c", "1.3", YearMonth.of(2024, 5), null)
                .progress("a", ProgressStatus.HOAN_THANH, null, null, null, LocalDate.of(2023, 12, 1))
                .progress("b", ProgressStatus.HOAN_THANH, null, null, null, LocalDate.of(2023, 12, 1))
                .rows();

        assertThat(builder.build(plan, ReportPeriod.CUOI_HK1, null, JAN_15).overview().completionRate()).isEqualTo(0.667);
    }

    @Test
    void aSubmittedReportCarriesTheTextsOfItsRevisionAndWhoSentIt() {
        PlanRows plan = plan().by("Trưởng ban giám sát")
                .report(ReportPeriod.CUOI_HK1, 1, null, JAN_15)
                .report(ReportPeriod.CUOI_HK1, 2, "Sai số liệu", LocalDate.of(2024, 1, 17))
                .rows();

        MonitoringReport report = builder.build(plan, ReportPeriod.CUOI_HK1, plan.revisions("CUOI_HK1").get(1), LocalDate.of(2024, 1, 17));

        assertThat(report.state()).isEqualTo(MonitoringReport.SUBMITTED);
        assertThat(report.revision()).isEqualTo(2);
        assertThat(report.summary()).isEqualTo("Tóm tắt 2");
        assertThat(report.findings()).isEqualTo("Nhận định 2");
        assertThat(report.recommendations()).isEqualTo("Kiến nghị 2");
        assertThat(report.correctionReason()).isEqualTo("Sai số liệu");
        assertThat(report.monitoringLead()).isEqualTo("Trưởng ban giám sát");
        assertThat(report.reportDate()).isEqualTo(LocalDate.of(2024, 1, 17));
    }
}
