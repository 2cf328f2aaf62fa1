package vn.caitien.monitoring.progress;

import org.junit.jupiter.api.Test;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.item.Money;
import vn.caitien.api.item.Schedule;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.School;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.IndicatorValue;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.api.report.ReportSubmitted;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The in-memory fold gives what PlanProgressProjection's statements give, event by event. */
class ProgressFoldTest {
    static final PlanId PLAN = PlanId.of("plan-1");
    static final Instant T0 = Instant.parse("2024-01-01T01:00:00Z");
    final ProgressFold fold = new ProgressFold(DetailsStore.inMemory());

    @Test
    void itemsTakeTheirPositionByCountOfItemsAddedRemovedOnesIncluded() {
        create(PLAN, T0);
        add("a", "1.1", T0.plusSeconds(1));
        add("b", "1.2", T0.plusSeconds(2));
        fold.apply(new ActionItemRemoved(PLAN, ActionItemId.of("a"), null), T0.plusSeconds(3), "x");
        add("c", "1.3", T0.plusSeconds(4));
        // On conflict do nothing: a second add of "b" changes nothing and takes no position.
        add("b", "2.1", T0.plusSeconds(5));
        add("d", "1.4", T0.plusSeconds(6));
        FoldedPlan plan = plan();
        assertThat(plan.items()).extracting(FoldedItem::itemId, FoldedItem::position, FoldedItem::removed)
                .containsExactly(tuple("a", 0, true), tuple("b", 1, false),
                        tuple("c", 2, false), tuple("d", 3, false));
        assertThat(content("b").criterionCode()).isEqualTo("1.2");
        assertThat(plan.updatedAtMicros()).isEqualTo(ColumnValues.micros(T0.plusSeconds(6)));
    }

    @Test
    void anUpdateReplacesTheContentColumns() {
        create(PLAN, T0);
        add("a", "1.1", T0);
        ActionItemDetails changed = new ActionItemDetails(CriterionCode.parse("3.4"), LevelGroup.LEVEL_4, "Mục tiêu mới",
                List.of(), List.of(), "Hiệu trưởng", List.of(), new Schedule(YearMonth.of(2023, 10), null, "từ tháng 10"),
                new Budget(Money.of(7_000_000), false, null, null, "7 triệu"), null, null);
        fold.apply(new ActionItemUpdated(PLAN, ActionItemId.of("a"), changed, "Điều chỉnh"), T0.plusSeconds(1), "x");
        fold.apply(new ActionItemUpdated(PLAN, ActionItemId.of("khong-co"), changed, "Điều chỉnh"), T0.plusSeconds(2), "x");
        ItemContent c = content("a");
        assertThat(c.criterionCode()).isEqualTo("3.4");
        assertThat(c.levelGroup()).isEqualTo("MỨC 4");
        assertThat(c.targetResult()).isEqualTo("Mục tiêu mới");
        assertThat(c.lead()).isEqualTo("Hiệu trưởng");
        assertThat(c.startDay()).isEqualTo((int) LocalDate.of(2023, 10, 1).toEpochDay());
        assertThat(c.endDay()).isEqualTo(ColumnValues.NO_DAY);
        assertThat(c.budget()).isEqualTo(7_000_000L);
        assertThat(plan().items()).hasSize(1);
        assertThat(plan().updatedAtMicros()).isEqualTo(ColumnValues.micros(T0.plusSeconds(2)));
    }

    @Test
    void theStandingMovesOnlyForRecordsAtLeastAsRecentWhileEvidenceAccumulates() {
        create(PLAN, T0);
        add("a", "1.1", T0);
        progress("a", ProgressStatus.DANG_THUC_HIEN, 40, 1_000L, "2024-01-10", List.of("[H1-1.1-02]"),
                Map.of("Sĩ số", new BigDecimal("30")), T0.plusSeconds(10), "Mai");
        // Entered late for an earlier date: evidence and who/when move, the standing does not.
        progress("a", ProgressStatus.HOAN_THANH, 100, 9_000L, "2023-12-01", List.of("[H1-1.10-01]", "[H1-1.1-02]"),
                Map.of("Sĩ số", new BigDecimal("99")), T0.plusSeconds(20), "Lan");
        FoldedItem a = plan().item("a");
        assertThat(a.status()).isEqualTo("DANG_THUC_HIEN");
        assertThat(a.percent()).isEqualTo(40);
        assertThat(a.amountSpent()).isEqualTo(1_000L);
        assertThat(a.lastEffectiveDay()).isEqualTo((int) LocalDate.of(2024, 1, 10).toEpochDay());
        assertThat(a.evidence()).containsExactly("[H1-1.1-02]", "[H1-1.10-01]");
        assertThat(a.indicatorValues()).containsEntry("Sĩ số", new BigDecimal("30"));
        assertThat(a.lastUpdatedBy()).isEqualTo("Lan");
        assertThat(a.lastUpdatedMicros()).isEqualTo(ColumnValues.micros(T0.plusSeconds(20)));
        // The same date moves it; a null percent or amount keeps the last one (coalesce).
        Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        indicators.put("Tỷ lệ", new BigDecimal("1.50"));
        indicators.put("Sĩ số", null);
        progress("a", ProgressStatus.CHAM_TIEN_DO, null, null, "2024-01-10", List.of(), indicators, T0.plusSeconds(30), "Mai");
        assertThat(a.status()).isEqualTo("CHAM_TIEN_DO");
        assertThat(a.percent()).isEqualTo(40);
        assertThat(a.amountSpent()).isEqualTo(1_000L);
        assertThat(a.indicatorValues()).containsEntry("Tỷ lệ", new BigDecimal("1.50")).containsEntry("Sĩ số", null).hasSize(2);
        // Completed is 100 whatever percent the record gives.
        progress("a", ProgressStatus.HOAN_THANH, 70, 2_000L, "2024-02-01", List.of(), Map.of(), T0.plusSeconds(40), "Mai");
        assertThat(a.percent()).isEqualTo(100);
        assertThat(a.status()).isEqualTo("HOAN_THANH");
    }

    @Test
    void progressOnAnUnknownItemOnlyTouchesThePlan() {
        create(PLAN, T0);
        progress("khong-co", ProgressStatus.DANG_THUC_HIEN, 10, null, "2024-01-10", List.of("[H1-1.1-01]"), Map.of(),
                T0.plusSeconds(5), "Mai");
        assertThat(plan().items()).isEmpty();
        assertThat(plan().updatedAtMicros()).isEqualTo(ColumnValues.micros(T0.plusSeconds(5)));
    }

    @Test
    void approvalSetsUpdatedAtOutrightOtherChangesTakeTheGreatest() {
        create(PLAN, T0);
        add("a", "1.1", T0.plusSeconds(100));
        add("b", "1.2", T0.plusSeconds(50));
        assertThat(plan().updatedAtMicros()).isEqualTo(ColumnValues.micros(T0.plusSeconds(100)));
        fold.apply(new PlanApproved(PLAN, LocalDate.of(2023, 9, 1), "Hùng"), T0.plusSeconds(60), "Hùng");
        assertThat(plan().status()).isEqualTo("APPROVED");
        assertThat(plan().updatedAtMicros()).isEqualTo(ColumnValues.micros(T0.plusSeconds(60)));
        // A second PlanCreated changes nothing.
        fold.apply(new PlanCreated(PLAN, new School("Trường khác", "1", SchoolType.THCS, List.of("Tỉnh")), "TT18-2018",
                SchoolYear.parse("2024-2025"), null, null, null, List.of(), null), T0.plusSeconds(500), "x");
        assertThat(plan().schoolName()).isEqualTo("Trường Tiểu học Thử");
        assertThat(plan().updatedAtMicros()).isEqualTo(ColumnValues.micros(T0.plusSeconds(60)));
    }

    @Test
    void theFirstSubmissionOfAPeriodAndRevisionStays() {
        create(PLAN, T0);
        report(ReportPeriod.DAU_NAM, 1, T0.plusSeconds(1), "Hùng");
        report(ReportPeriod.DAU_NAM, 2, T0.plusSeconds(2), "Hùng");
        report(ReportPeriod.DAU_NAM, 1, T0.plusSeconds(3), "Người khác");
        assertThat(plan().reports()).extracting(FoldedReport::period, FoldedReport::revision, FoldedReport::submittedBy)
                .containsExactly(tuple("DAU_NAM", 1, "Hùng"),
                        tuple("DAU_NAM", 2, "Hùng"));
        assertThat(plan().updatedAtMicros()).isEqualTo(ColumnValues.micros(T0.plusSeconds(3)));
    }

    @Test
    void whatTheDatabaseWouldRefuseIsRefused() {
        // Foreign keys: an item or report of a plan never created.
        assertThatThrownBy(() -> add("a", "1.1", T0)).isInstanceOf(FoldRefused.class);
        assertThatThrownBy(() -> report(ReportPeriod.DAU_NAM, 1, T0, "x")).isInstanceOf(FoldRefused.class);
        create(PLAN, T0);
        // varchar(300): over-long fails, unless the excess is spaces, which PostgreSQL cuts.
        assertThatThrownBy(() -> report(ReportPeriod.DAU_NAM, 1, T0, "x".repeat(301))).isInstanceOf(FoldRefused.class);
        report(ReportPeriod.CUOI_NAM, 1, T0, "y".repeat(300) + "   ");
        assertThat(plan().reports().get(0).submittedBy()).hasSize(300);
        assertThatThrownBy(() -> progress("a", ProgressStatus.DANG_THUC_HIEN, 1, null, "2024-01-01", List.of(), Map.of(),
                T0, "nul\u0000")).isInstanceOf(FoldRefused.class);
        // The handler's own dereference of a missing status fails the same way.
        assertThatThrownBy(() -> fold.apply(new ProgressRecorded(PLAN, ActionItemId.of("a"), "p", null, 1, List.of(), null,
                List.of(), null, LocalDate.of(2024, 1, 1)), T0, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void timestampsAreRoundedToMicrosecondsAsTheDriverSendsThem() {
        assertThat(ColumnValues.micros(Instant.parse("2024-01-01T00:00:00.000000499Z")) % 1_000_000).isZero();
        assertThat(ColumnValues.micros(Instant.parse("2024-01-01T00:00:00.000000500Z")) % 1_000_000).isEqualTo(1);
        assertThat(ColumnValues.micros(Instant.parse("2024-01-01T00:00:00.999999600Z")))
                .isEqualTo(ColumnValues.micros(Instant.parse("2024-01-01T00:00:01Z")));
    }

    private void create(PlanId plan, Instant at) {
        fold.apply(new PlanCreated(plan, new School("Trường Tiểu học Thử", null, SchoolType.TIEU_HOC,
                List.of("Thành phố Hồ Chí Minh", "Quận 10")), "TT17-2018", SchoolYear.parse("2023-2024"), "1/KH",
                null, null, List.of(), null), at, "Hội đồng");
        assertThat(plan().schoolKey()).isEqualTo("Thành phố Hồ Chí Minh/Quận 10/Trường Tiểu học Thử");
    }

    private void add(String item, String criterion, Instant at) {
        ActionItemDetails d = new ActionItemDetails(CriterionCode.parse(criterion), LevelGroup.LEVELS_1_TO_3, "Mục tiêu " + item,
                List.of(), List.of("Việc"), "Tổ trưởng", List.of(), new Schedule(YearMonth.of(2023, 9), YearMonth.of(2024, 5), "cả năm"),
                null, null, null);
        fold.apply(new ActionItemAdded(PLAN, ActionItemId.of(item), d, null), at, "Hội đồng");
    }

    private void progress(String item, ProgressStatus status, Integer percent, Long amount, String date, List<String> evidence,
                          Map<String, BigDecimal> indicators, Instant at, String actor) {
        List<IndicatorValue> values = indicators.entrySet().stream().map(e -> new IndicatorValue(e.getKey(), e.getValue())).toList();
        fold.apply(new ProgressRecorded(PLAN, ActionItemId.of(item), "p", status, percent, values, "ghi chú",
                evidence.stream().map(EvidenceCode::parse).toList(), amount == null ? null : Money.of(amount),
                LocalDate.parse(date)), at, actor);
    }

    private void report(ReportPeriod period, int revision, Instant at, String actor) {
        fold.apply(new ReportSubmitted(PLAN, period, SchoolYear.parse("2023-2024"), revision, "Tóm tắt", null, null, null,
                LocalDate.of(2023, 10, 30)), at, actor);
    }

    private FoldedPlan plan() {
        return fold.plans().stream().filter(p -> p.planId().equals(PLAN.value())).findFirst().orElseThrow();
    }

    private ItemContent content(String item) {
        return ItemContent.of(fold.details().get(plan().item(item).detailsReference()));
    }
}
