package vn.caitien.reporting.audit;

import vn.caitien.api.plan.BusinessTime;
import org.junit.jupiter.api.Test;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.readmodel.EventRefused;
import vn.caitien.readmodel.PlanRows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A plan folded from its events alone, and which events count "as of" a day. */
class PlanStateTest {
    private static final ZoneId VIETNAM = BusinessTime.ZONE;
    private static final LocalDate OCT_10 = LocalDate.of(2023, 10, 10);
    private static final LocalDate NOV_10 = LocalDate.of(2023, 11, 10);

    @Test
    void aCreatedPlanIsADraftWithTheHeaderOfItsDocument() {
        PlanState plan = PlanHistory.of().created("Quận 10").state();

        assertThat(plan.planId()).isEqualTo(PlanHistory.PLAN);
        assertThat(plan.status()).isEqualTo("DRAFT");
        assertThat(plan.school().managingUnit()).isEqualTo(PlanHistory.UNIT);
        assertThat(plan.frameworkId()).isEqualTo("TT17-2018");
        assertThat(plan.schoolYear()).isEqualTo("2023-2024");
        assertThat(plan.documentNumber()).isEqualTo("107/KH-LĐC");
        assertThat(plan.issueDate()).isEqualTo(LocalDate.of(2023, 9, 5));
        assertThat(plan.issuePlace()).isEqualTo("Quận 10");
        assertThat(plan.legalBases()).containsExactly("Thông tư 17/2018/TT-BGDĐT");
        assertThat(plan.items()).isEmpty();
        assertThat(plan.lastSequence()).isZero();
    }

    @Test
    void approvalRecordsDayAndPrincipal() {
        PlanState plan = PlanHistory.of().created("Quận 10").approved(LocalDate.of(2023, 9, 20), "Nguyễn Văn A").state();

        assertThat(plan.status()).isEqualTo("APPROVED");
        assertThat(plan.approvedOn()).isEqualTo(LocalDate.of(2023, 9, 20));
        assertThat(plan.approvedBy()).isEqualTo("Nguyễn Văn A");
    }

    @Test
    void itemsKeepTheirOrderTheirLatestContentAndTheReasonsOfAmendments() {
        PlanState plan = PlanHistory.of().created("Quận 10")
                .item("a", "1.4", YearMonth.of(2024, 5), null)
                .item("b", "2.4", YearMonth.of(2024, 5), null)
                .item("c", "3.1", YearMonth.of(2024, 5), null)
                .itemChanged("a", "1.5", YearMonth.of(2024, 5), 3_000_000L, null)
                .itemChanged("b", "2.4", YearMonth.of(2024, 4), null, "Rút ngắn thời gian")
                .itemAmended("d", "M4.2", YearMonth.of(2024, 5), null, "Theo góp ý của Phòng")
                .itemRemoved("c", "Trùng nội dung")
                .state();

        assertThat(plan.items().keySet()).containsExactly("a", "b", "d");
        assertThat(plan.items().get("a").details().criterionCode().value()).isEqualTo("1.5");
        assertThat(plan.items().get("a").details().budget().amount().vnd()).isEqualTo(3_000_000L);
        assertThat(plan.items().get("a").amendments()).isEmpty();
        assertThat(plan.items().get("b").amendments()).containsExactly("Điều chỉnh: Rút ngắn thời gian");
        assertThat(plan.items().get("d").amendments()).containsExactly("Bổ sung: Theo góp ý của Phòng");
        assertThat(plan.items().get("d").status()).isEqualTo("CHUA_THUC_HIEN");
        assertThat(plan.items().get("d").percent()).isNull();
    }

    @Test
    void changeOfAnUnknownItemIsIgnored() {
        PlanState plan = PlanHistory.of().created("Quận 10")
                .itemChanged("x", "1.4", YearMonth.of(2024, 5), null, "Không có")
                .progress("x", ProgressStatus.DANG_THUC_HIEN, 10, "?", null, OCT_10)
                .state();

        assertThat(plan.items()).isEmpty();
        assertThat(plan.lastSequence()).isEqualTo(2);
    }

    @Test
    void progressTakesTheLatestRecordAndCompletionMeansAHundredPercent() {
        PlanState.Item item = PlanHistory.of().created("Quận 10").item("a", "1.4", YearMonth.of(2024, 5), null)
                .progress("a", ProgressStatus.DANG_THUC_HIEN, 40, "Đã tổ chức một chuyên đề", 1_000_000L, OCT_10,
                        "[H1-1.4-01]")
                .progress("a", ProgressStatus.HOAN_THANH, null, "Đã tổ chức hai chuyên đề", null, NOV_10, "H1-1.4-02")
                .state().items().get("a");

        assertThat(item.status()).isEqualTo("HOAN_THANH");
        assertThat(item.percent()).isEqualTo(100);
        assertThat(item.narrative()).isEqualTo("Đã tổ chức hai chuyên đề");
        assertThat(item.amountSpentToDate()).as("no new amount keeps the last one").isEqualTo(1_000_000L);
        assertThat(item.evidenceCodes()).containsExactly("[H1-1.4-01]", "[H1-1.4-02]");
        assertThat(item.lastEffectiveDate()).isEqualTo(NOV_10);
        assertThat(item.progressRecords()).isEqualTo(2);
    }

    @Test
    void aRecordWithoutPercentOrNarrativeKeepsThePreviousOnes() {
        PlanState.Item item = PlanHistory.of().created("Quận 10").item("a", "1.4", YearMonth.of(2024, 5), null)
                .progress("a", ProgressStatus.DANG_THUC_HIEN, 40, "Đang làm", null, OCT_10)
                .progress("a", ProgressStatus.CHAM_TIEN_DO, null, "  ", 2_000_000L, NOV_10)
                .state().items().get("a");

        assertThat(item.status()).isEqualTo("CHAM_TIEN_DO");
        assertThat(item.percent()).isEqualTo(40);
        assertThat(item.narrative()).isEqualTo("Đang làm");
        assertThat(item.amountSpentToDate()).isEqualTo(2_000_000L);
    }

    @Test
    void anOlderRecordEnteredLateAddsEvidenceButDoesNotRollBack() {
        PlanState.Item item = PlanHistory.of().created("Quận 10").item("a", "1.4", YearMonth.of(2024, 5), null)
                .progress("a", ProgressStatus.DANG_THUC_HIEN, 60, "Tháng 11", 5_000_000L, NOV_10, "[H1-1.4-02]")
                .progress("a", ProgressStatus.DANG_THUC_HIEN, 30, "Tháng 10", 1_000_000L, OCT_10, "[H1-1.4-01]")
                .state().items().get("a");

        assertThat(item.percent()).isEqualTo(60);
        assertThat(item.narrative()).isEqualTo("Tháng 11");
        assertThat(item.amountSpentToDate()).isEqualTo(5_000_000L);
        assertThat(item.lastEffectiveDate()).isEqualTo(NOV_10);
        assertThat(item.evidenceCodes()).containsExactly("[H1-1.4-01]", "[H1-1.4-02]");
        assertThat(item.progressRecords()).isEqualTo(2);
    }

    @Test
    void aRecordOnTheSameEffectiveDayReplacesTheEarlierOne() {
        PlanState.Item item = PlanHistory.of().created("Quận 10").item("a", "1.4", YearMonth.of(2024, 5), null)
                .progress("a", ProgressStatus.DANG_THUC_HIEN, 30, "Lần 1", null, OCT_10)
                .progress("a", ProgressStatus.DANG_THUC_HIEN, 35, "Lần 2", null, OCT_10)
                .state().items().get("a");

        assertThat(item.percent()).isEqualTo(35);
        assertThat(item.narrative()).isEqualTo("Lần 2");
    }

    @Test
    void reportsAreKeptWithEveryRevisionAndWhoSentThem() {
        PlanState plan = PlanHistory.of().created("Quận 10")
                .at("2023-10-30T03:00:00Z").by("Trưởng ban giám sát")
                .report(ReportPeriod.DAU_NAM, 1, null, LocalDate.of(2023, 10, 30))
                .report(ReportPeriod.DAU_NAM, 2, "Sai số liệu", LocalDate.of(2023, 11, 2))
                .state();

        assertThat(plan.reports()).extracting(PlanState.Report::period, PlanState.Report::revision,
                        PlanState.Report::correctionReason, PlanState.Report::submittedOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DAU_NAM", 1, null, LocalDate.of(2023, 10, 30)),
                        org.assertj.core.groups.Tuple.tuple("DAU_NAM", 2, "Sai số liệu", LocalDate.of(2023, 11, 2)));
        assertThat(plan.reports().get(0).actor()).isEqualTo("Trưởng ban giám sát");
        assertThat(plan.reports().get(0).recordedAt()).isEqualTo(Instant.parse("2023-10-30T03:00:00Z"));
        assertThat(plan.reports().get(1).summary()).isEqualTo("Tóm tắt 2");
        assertThat(plan.lastSequence()).isEqualTo(2);
        assertThat(plan.lastRecordedAt()).isEqualTo(Instant.parse("2023-10-31T03:00:00Z"));
    }

    @Test
    void asOfADayCountsEventsEffectiveByThenAndTheItemsWrittenBeforeThem() {
        // The whole plan was typed in on 1 December, its effective dates lie in the autumn.
        List<PlanEvents.Stored> all = PlanHistory.of().at("2023-12-01T01:00:00Z").created("Quận 10")
                .item("a", "1.4", YearMonth.of(2024, 5), null)
                .approved(LocalDate.of(2023, 9, 20), "Nguyễn Văn A")
                .progress("a", ProgressStatus.DANG_THUC_HIEN, 30, "Tháng 10", null, OCT_10)
                .item("b", "2.4", YearMonth.of(2024, 5), null)
                .progress("a", ProgressStatus.DANG_THUC_HIEN, 60, "Tháng 11", null, NOV_10)
                .events();

        Instant endOfOctober = LocalDate.of(2023, 10, 31).atStartOfDay(VIETNAM).toInstant();
        assertThat(PlanEvents.inEffectBy(all, endOfOctober, VIETNAM)).extracting(PlanEvents.Stored::sequence)
                .as("item b comes after the last event in effect and was recorded later").containsExactly(0L, 1L, 2L, 3L);

        Instant beforeIssue = LocalDate.of(2023, 9, 1).atStartOfDay(VIETNAM).toInstant();
        assertThat(PlanEvents.inEffectBy(all, beforeIssue, VIETNAM)).isEmpty();

        Instant afterTyping = Instant.parse("2023-12-20T00:00:00Z");
        assertThat(PlanEvents.inEffectBy(all, afterTyping, VIETNAM)).hasSize(6);
    }

    @Test
    void asOfADayTheCutOffDayItselfCounts() {
        List<PlanEvents.Stored> all = PlanHistory.of().at("2023-12-01T01:00:00Z").created("Quận 10")
                .item("a", "1.4", YearMonth.of(2024, 5), null)
                .progress("a", ProgressStatus.DANG_THUC_HIEN, 30, "Tháng 10", null, OCT_10)
                .events();

        Instant lateOnTheTenth = OCT_10.atTime(23, 0).atZone(VIETNAM).toInstant();
        assertThat(PlanEvents.inEffectBy(all, lateOnTheTenth, VIETNAM)).hasSize(3);
        Instant onTheNinth = OCT_10.minusDays(1).atTime(23, 0).atZone(VIETNAM).toInstant();
        assertThat(PlanEvents.inEffectBy(all, onTheNinth, VIETNAM)).extracting(PlanEvents.Stored::sequence)
                .containsExactly(0L);
    }

    @Test
    void anItemTypedInBeforeThePlansIssueDateIsInEffectWithoutThePlanAndCannotBeFolded() {
        // Typed in on 1 September, issued on 5 September: "as of 2 September" has the item, not the plan;
        // the auditor's endpoint answers 404 for it instead of folding.
        List<PlanEvents.Stored> all = PlanHistory.of().at("2023-09-01T01:00:00Z").created("Quận 10")
                .item("a", "1.4", YearMonth.of(2024, 5), null)
                .events();

        Instant secondOfSeptember = LocalDate.of(2023, 9, 2).atTime(12, 0).atZone(VIETNAM).toInstant();
        List<PlanEvents.Stored> inEffect = PlanEvents.inEffectBy(all, secondOfSeptember, VIETNAM);

        assertThat(inEffect).extracting(PlanEvents.Stored::sequence).containsExactly(1L);
        assertThatThrownBy(() -> PlanEvents.fold(inEffect)).isInstanceOf(EventRefused.class);
    }

    @Test
    void removedItemsAreNotThePlansAnyMore() {
        PlanRows rows = PlanHistory.of().created("Quận 10")
                .item("a", "1.4", YearMonth.of(2024, 5), null)
                .item("b", "1.5", YearMonth.of(2024, 5), null)
                .itemRemoved("a", "Trùng nội dung")
                .rows();

        assertThat(PlanState.of(rows).items()).containsOnlyKeys("b");
        assertThat(rows.item("a").removed()).as("the read model keeps the row, flagged").isTrue();
    }
}
