package vn.caitien.reporting.audit;

import org.junit.jupiter.api.Test;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an auditor sees changed between two instants. */
class PlanDiffTest {
    private static final YearMonth MAY = YearMonth.of(2024, 5);
    private static final Instant FROM = Instant.parse("2023-10-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2023-12-31T00:00:00Z");

    private final List<PlanEvents.Stored> history = PlanHistory.of().created("Quận 10")
            .item("a", "1.4", MAY, null)
            .item("b", "2.4", MAY, null)
            .item("c", "3.1", MAY, null)
            // everything after here happens between FROM and TO
            .at("2023-10-02T01:00:00Z")
            .approved(LocalDate.of(2023, 10, 2), "Nguyễn Văn A")
            .itemChanged("a", "1.5", MAY, null, "Đổi tiêu chí")
            .itemAmended("d", "M4.2", MAY, null, "Theo góp ý của Phòng")
            .progress("d", ProgressStatus.DANG_THUC_HIEN, 20, "Bắt đầu", null, LocalDate.of(2023, 10, 20))
            .progress("b", ProgressStatus.HOAN_THANH, null, "Xong", null, LocalDate.of(2023, 10, 21))
            .itemRemoved("c", "Trùng nội dung")
            .itemRemoved("zz", "Không có")
            .report(ReportPeriod.DAU_NAM, 1, null, LocalDate.of(2023, 10, 30))
            .report(ReportPeriod.DAU_NAM, 2, "Sai số liệu", LocalDate.of(2023, 11, 2))
            .events();

    private PlanDiff diff() {
        List<PlanEvents.Stored> before = history.stream().filter(e -> !e.recordedAt().isAfter(FROM)).toList();
        List<PlanEvents.Stored> between = history.stream().filter(e -> e.recordedAt().isAfter(FROM)).toList();
        return PlanDiff.between(PlanHistory.PLAN, FROM, TO, PlanEvents.fold(before), between);
    }

    @Test
    void contentAddedChangedAndRemovedIsNamedByCriterionAndItem() {
        PlanDiff diff = diff();

        assertThat(diff.planId()).isEqualTo(PlanHistory.PLAN);
        assertThat(diff.from()).isEqualTo(FROM);
        assertThat(diff.to()).isEqualTo(TO);
        assertThat(diff.itemsAdded()).containsExactly("M4.2 (d)");
        assertThat(diff.itemsChanged()).containsExactly("1.5 (a)");
        assertThat(diff.itemsRemoved()).as("an item the plan never had is named '?'")
                .containsExactly("3.1 (c)", "? (zz)");
    }

    @Test
    void progressIsListedWithTheCriterionTheItemHadThen() {
        assertThat(diff().progressRecorded()).containsExactly(
                new PlanDiff.Progress("d", "M4.2", "DANG_THUC_HIEN", 20, "2023-10-20"),
                new PlanDiff.Progress("b", "2.4", "HOAN_THANH", null, "2023-10-21"));
    }

    @Test
    void reportsApprovalAndEveryEventLine() {
        PlanDiff diff = diff();

        assertThat(diff.reportsSubmitted()).containsExactly("DAU_NAM lần 1", "DAU_NAM lần 2");
        assertThat(diff.approvedInBetween()).isTrue();
        assertThat(diff.events()).hasSize(9).first().isEqualTo("#4 Phê duyệt");
        assertThat(diff.events().get(8)).isEqualTo("#12 Nộp báo cáo");
    }

    @Test
    void nothingBetweenMeansAnEmptyDiff() {
        PlanDiff diff = PlanDiff.between(PlanHistory.PLAN, TO, TO, PlanEvents.fold(history), List.of());

        assertThat(diff.itemsAdded()).isEmpty();
        assertThat(diff.progressRecorded()).isEmpty();
        assertThat(diff.reportsSubmitted()).isEmpty();
        assertThat(diff.approvedInBetween()).isFalse();
        assertThat(diff.events()).isEmpty();
    }
}
