package vn.caitien.readmodel;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.caitien.api.report.ReportPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StandingTest {
    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    private static final LocalDate DUE = LocalDate.of(2024, 10, 31);

    @Nested
    class Items {
        @Test
        void completedMeansHoanThanhAndShowsOneHundredPercent() {
            assertThat(Standing.completed("HOAN_THANH")).isTrue();
            assertThat(Standing.completed("DANG_THUC_HIEN")).isFalse();
            assertThat(Standing.percentShown("HOAN_THANH", 70)).isEqualTo(100);
            assertThat(Standing.percentShown("DANG_THUC_HIEN", 70)).isEqualTo(70);
            assertThat(Standing.percentShown("CHUA_THUC_HIEN", null)).isNull();
        }

        @Test
        void overdueOnceTheEndMonthHasPassedAndNotCompleted() {
            assertThat(Standing.overdue(MARCH, "DANG_THUC_HIEN", LocalDate.of(2025, 3, 31))).isFalse();
            assertThat(Standing.overdue(MARCH, "DANG_THUC_HIEN", LocalDate.of(2025, 4, 1))).isTrue();
            assertThat(Standing.daysLate(MARCH, "DANG_THUC_HIEN", LocalDate.of(2025, 4, 1))).isEqualTo(1);
            assertThat(Standing.daysLate(MARCH, "CHAM_TIEN_DO", LocalDate.of(2025, 4, 30))).isEqualTo(30);
            assertThat(Standing.overdue(MARCH, "HOAN_THANH", LocalDate.of(2025, 6, 1))).isFalse();
            assertThat(Standing.daysLate(MARCH, "HOAN_THANH", LocalDate.of(2025, 6, 1))).isZero();
            assertThat(Standing.overdue(null, "DANG_THUC_HIEN", LocalDate.of(2030, 1, 1))).isFalse();
        }

        @Test
        void anItemIsJudgedAsAWhole() {
            ItemFacts late = new ItemFacts("CHAM_TIEN_DO", 30, MARCH, 1_000L, 200L);
            assertThat(Standing.item(late, LocalDate.of(2025, 4, 3)))
                    .isEqualTo(new Standing.ItemStanding(false, 30, true, 3));
        }
    }

    @Nested
    class Plans {
        @Test
        void completionRateIsRoundedToThreeDecimals() {
            assertThat(Standing.completionRate(2, 3)).isEqualTo(0.667);
            assertThat(Standing.completionRate(1, 8)).isEqualTo(0.125);
            assertThat(Standing.completionRate(1, 16)).isEqualTo(0.063);
            assertThat(Standing.completionRate(0, 0)).isZero();
        }

        @Test
        void totalsCountStatusesCompletedOverdueAndSumTheBudget() {
            LocalDate today = LocalDate.of(2025, 4, 10);
            Standing.Totals totals = Standing.totals(List.of(
                    new ItemFacts("HOAN_THANH", 100, MARCH, 1_000L, 900L),
                    new ItemFacts("DANG_THUC_HIEN", 50, MARCH, 2_000L, null),
                    new ItemFacts("DANG_THUC_HIEN", null, YearMonth.of(2025, 5), null, 300L)), today);

            assertThat(totals.itemCount()).isEqualTo(3);
            assertThat(totals.countsByStatus()).containsExactly(Map.entry("CHUA_THUC_HIEN", 0),
                    Map.entry("DANG_THUC_HIEN", 2), Map.entry("HOAN_THANH", 1), Map.entry("CHAM_TIEN_DO", 0),
                    Map.entry("KHONG_THUC_HIEN", 0));
            assertThat(totals.completed()).isEqualTo(1);
            assertThat(totals.overdue()).isEqualTo(1);
            assertThat(totals.completionRate()).isEqualTo(0.333);
            assertThat(totals.budgetPlanned()).isEqualTo(3_000L);
            assertThat(totals.amountSpent()).isEqualTo(1_200L);
        }

        @Test
        void noItemsMakeZeroes() {
            Standing.Totals totals = Standing.totals(List.of(), LocalDate.of(2025, 1, 1));
            assertThat(totals.itemCount()).isZero();
            assertThat(totals.completionRate()).isZero();
        }
    }

    @Nested
    class Reports {
        private ReportRow sent(int revision, LocalDate on, Instant at) {
            return new ReportRow("P1", "DAU_NAM", revision, null, null, null, null, on, at, "truongban");
        }

        @Test
        void sentByTheDueDateIsOnTimeAfterItLate() {
            assertThat(state(List.of(sent(1, DUE, Instant.parse("2024-11-20T00:00:00Z"))))).isEqualTo(ReportState.ON_TIME);
            assertThat(state(List.of(sent(1, DUE.plusDays(1), Instant.parse("2024-10-01T00:00:00Z")))))
                    .isEqualTo(ReportState.LATE);
        }

        @Test
        void aCorrectionSentLateDoesNotMakeTheReportLate() {
            Standing.ReportStanding standing = Standing.report(ReportPeriod.DAU_NAM, List.of(
                    sent(2, DUE.plusDays(20), Instant.parse("2024-11-20T00:00:00Z")),
                    sent(1, DUE.minusDays(1), Instant.parse("2024-10-30T00:00:00Z"))), DUE, DUE.plusDays(30));

            assertThat(standing.state()).isEqualTo(ReportState.ON_TIME);
            assertThat(standing.sentOn()).isEqualTo(DUE.minusDays(1));
            assertThat(standing.first().revision()).isEqualTo(1);
            assertThat(standing.latest().revision()).isEqualTo(2);
        }

        @Test
        void withoutAStatedDateTheVietnameseDateOfRecordingCounts() {
            // 31/10 19:00 UTC is already 1/11 in Vietnam.
            ReportRow evening = sent(1, null, Instant.parse("2024-10-31T19:00:00Z"));
            assertThat(evening.sentOn()).isEqualTo(LocalDate.of(2024, 11, 1));
            assertThat(state(List.of(evening))).isEqualTo(ReportState.LATE);
            assertThat(state(List.of(sent(1, null, Instant.parse("2024-10-31T16:59:59Z"))))).isEqualTo(ReportState.ON_TIME);
        }

        @Test
        void notSentIsMissingOnlyAfterTheDueDate() {
            assertThat(Standing.report(ReportPeriod.DAU_NAM, List.of(), DUE, DUE).state()).isEqualTo(ReportState.NOT_DUE);
            assertThat(Standing.report(ReportPeriod.DAU_NAM, List.of(), DUE, DUE.plusDays(1)).state())
                    .isEqualTo(ReportState.MISSING);
        }

        @Test
        void onlyThePeriodsOwedAreJudgedInTheirOrder() {
            Map<ReportPeriod, LocalDate> owed = new LinkedHashMap<>();
            owed.put(ReportPeriod.DAU_NAM, DUE);
            owed.put(ReportPeriod.CUOI_NAM, LocalDate.of(2025, 5, 31));
            List<Standing.ReportStanding> standings = Standing.reports(
                    List.of(sent(1, DUE, Instant.parse("2024-10-31T00:00:00Z"))), owed, LocalDate.of(2025, 1, 20));

            assertThat(standings).extracting(Standing.ReportStanding::period, Standing.ReportStanding::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ReportPeriod.DAU_NAM, ReportState.ON_TIME),
                            org.assertj.core.groups.Tuple.tuple(ReportPeriod.CUOI_NAM, ReportState.NOT_DUE));
            assertThat(standings.get(1).dueDate()).isEqualTo(LocalDate.of(2025, 5, 31));
        }

        private ReportState state(List<ReportRow> rows) {
            return Standing.report(ReportPeriod.DAU_NAM, rows, DUE, DUE.plusDays(60)).state();
        }
    }
}
