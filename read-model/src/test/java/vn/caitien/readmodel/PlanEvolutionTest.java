package vn.caitien.readmodel;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.School;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.report.ReportPeriod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static vn.caitien.api.progress.ProgressStatus.CHAM_TIEN_DO;
import static vn.caitien.api.progress.ProgressStatus.DANG_THUC_HIEN;
import static vn.caitien.api.progress.ProgressStatus.HOAN_THANH;
import static vn.caitien.readmodel.Events.*;

class PlanEvolutionTest {
    private static final LocalDate OCT_1 = LocalDate.of(2024, 10, 1);
    private static final LocalDate NOV_1 = LocalDate.of(2024, 11, 1);
    private static final LocalDate DEC_1 = LocalDate.of(2024, 12, 1);

    @Nested
    class Plans {
        @Test
        void aCreatedPlanIsADraftWithWhatTheEventSays() {
            PlanRow plan = given(at(created(), 0)).plan();

            assertThat(plan).isEqualTo(new PlanRow(PLAN, SCHOOL.name(), "79000701", "TIEU_HOC",
                    List.of("Thành phố Hồ Chí Minh", "Quận 10"), "79000701", "15/KH-THLĐC", "2024-2025", "TT22-2024",
                    "DRAFT", LocalDate.of(2024, 9, 3), "Quận 10", List.of("Thông tư 22/2024/TT-BGDĐT"), null, null,
                    T0));
        }

        @Test
        void aSchoolWithoutCodeIsKnownByItsUnitPathAndName() {
            School noCode = new School("Trường Mầm non Hoa Sen", " ", SCHOOL.type(), SCHOOL.managingUnit());
            assertThat(given(at(created(noCode), 0)).plan().schoolKey())
                    .isEqualTo("Thành phố Hồ Chí Minh/Quận 10/Trường Mầm non Hoa Sen");
            assertThat(given(at(created(null), 0)).plan().schoolKey()).isEqualTo("?");
        }

        @Test
        void aPlanCreatedTwiceKeepsTheFirst() {
            PlanCreated other = new PlanCreated(new PlanId(PLAN), SCHOOL, "TT18-2018", SchoolYear.parse("2025-2026"),
                    "99/KH", null, null, List.of(), null);
            assertThat(given(at(created(), 0), at(other, 5)).plan()).isEqualTo(given(at(created(), 0)).plan());
        }

        @Test
        void aPlanWithoutFrameworkOrYearIsRefusedEvenWhenAlreadyCreated() {
            PlanCreated noFramework = new PlanCreated(new PlanId(PLAN), SCHOOL, null, SchoolYear.parse("2024-2025"),
                    null, null, null, List.of(), null);
            assertThatThrownBy(() -> given(at(noFramework, 0))).isInstanceOf(EventRefused.class);
            assertThatThrownBy(() -> given(at(created(), 0), at(noFramework, 1))).isInstanceOf(EventRefused.class);
        }

        @Test
        void approvalSetsStatusWhoWhenAndTheUpdatedTimeOutright() {
            PlanRows rows = given(at(created(), 0), at(added("I1"), 30), at(approved(), 10, "hieutruong"));

            assertThat(rows.plan().status()).isEqualTo("APPROVED");
            assertThat(rows.plan().approved()).isTrue();
            assertThat(rows.plan().approvedOn()).isEqualTo(LocalDate.of(2024, 9, 10));
            assertThat(rows.plan().approvedBy()).isEqualTo("Hiệu trưởng Nguyễn Văn A");
            // Unlike every other change, approval does not keep a later time.
            assertThat(rows.plan().updatedAt()).isEqualTo(minute(10));
        }

        @Test
        void approvalOfAPlanNeverCreatedChangesNothing() {
            assertThat(given(at(approved(), 0)).exists()).isFalse();
        }

        @Test
        void theLastEventAppliedIsRemembered() {
            PlanRows rows = given(at(created(), 0), at("not a plan event", 7));
            assertThat(rows.lastSequence()).isEqualTo(1);
            assertThat(rows.lastRecordedAt()).isEqualTo(minute(7));
            assertThat(rows.plan().updatedAt()).isEqualTo(T0);
        }
    }

    @Nested
    class Items {
        @Test
        void anAddedItemTakesTheNextPositionAndStartsNotStarted() {
            PlanRows rows = given(at(created(), 0), at(added("I1"), 1), at(added("I2"), 2));

            ItemRow second = rows.item("I2");
            assertThat(second).isEqualTo(new ItemRow(PLAN, "I2", 1, details("1.1"), "CHUA_THUC_HIEN", null, null,
                    List.of(), null, Map.of(), null, 0, List.of(), null, null, false));
            assertThat(second.criterionCode()).isEqualTo("1.1");
            assertThat(second.levelGroup()).isEqualTo("MỨC 1, 2, 3");
            assertThat(second.start()).isEqualTo(YearMonth.of(2024, 9));
            assertThat(second.end()).isEqualTo(YearMonth.of(2025, 5));
            assertThat(second.budgetPlanned()).isEqualTo(5_000_000L);
            assertThat(rows.plan().updatedAt()).isEqualTo(minute(2));
        }

        @Test
        void anItemAddedTwiceKeepsTheFirstButTouchesThePlan() {
            PlanRows rows = given(at(created(), 0), at(added("I1"), 1),
                    at(added("I1", details("2.1"), null), 9));

            assertThat(rows.items()).hasSize(1);
            assertThat(rows.item("I1").criterionCode()).isEqualTo("1.1");
            assertThat(rows.plan().updatedAt()).isEqualTo(minute(9));
        }

        @Test
        void anItemOfAPlanNeverCreatedIsRefused() {
            assertThatThrownBy(() -> given(at(added("I1"), 0))).isInstanceOf(EventRefused.class);
        }

        @Test
        void anItemWithoutCriterionIsRefused() {
            assertThatThrownBy(() -> given(at(created(), 0), at(added("I1", null, null), 1)))
                    .isInstanceOf(EventRefused.class);
        }

        @Test
        void anUpdateReplacesTheContentAndKeepsTheStanding() {
            PlanRows rows = given(at(created(), 0), at(added("I1"), 1),
                    at(progress("I1", DANG_THUC_HIEN, 40, OCT_1), 2),
                    at(updated("I1", details("3.2", "Đạt mức 3", YearMonth.of(2025, 3), null), null), 3));

            ItemRow item = rows.item("I1");
            assertThat(item.criterionCode()).isEqualTo("3.2");
            assertThat(item.end()).isEqualTo(YearMonth.of(2025, 3));
            assertThat(item.budgetPlanned()).isNull();
            assertThat(item.status()).isEqualTo("DANG_THUC_HIEN");
            assertThat(item.percent()).isEqualTo(40);
        }

        @Test
        void changesAfterApprovalNoteTheirReasons() {
            PlanRows rows = given(at(created(), 0), at(approved(), 1),
                    at(added("I1", details("1.1"), "Theo góp ý của Phòng"), 2),
                    at(updated("I1", details("1.2"), "Sai mã tiêu chí"), 3),
                    at(updated("I1", details("1.3"), null), 4));

            assertThat(rows.item("I1").amendments())
                    .containsExactly("Bổ sung: Theo góp ý của Phòng", "Điều chỉnh: Sai mã tiêu chí");
        }

        @Test
        void changesToAnItemThePlanDoesNotHaveOnlyTouchThePlan() {
            PlanRows before = given(at(created(), 0), at(added("I1"), 1));
            PlanRows after = PlanEvolution.evolve(before, updated("I9", details("2.2"), null),
                    EventContext.at(minute(5), "x"));
            PlanRows progressed = PlanEvolution.evolve(after, progress("I9", HOAN_THANH, null, OCT_1),
                    EventContext.at(minute(6), "x"));
            PlanRows removedToo = PlanEvolution.evolve(progressed, removed("I9"), EventContext.at(minute(7), "x"));

            assertThat(removedToo.items()).isEqualTo(before.items());
            assertThat(after.plan().updatedAt()).isEqualTo(minute(5));
            assertThat(progressed.plan().updatedAt()).isEqualTo(minute(6));
            assertThat(removedToo.plan().updatedAt()).isEqualTo(minute(7));
        }

        @Test
        void aRemovedItemKeepsItsRowAndPositionAndLeavesTheCurrentItems() {
            PlanRows rows = given(at(created(), 0), at(added("I1"), 1), at(added("I2"), 2), at(removed("I1"), 3),
                    at(added("I3"), 4));

            assertThat(rows.item("I1").removed()).isTrue();
            assertThat(rows.item("I3").position()).isEqualTo(2);
            assertThat(rows.currentItems()).extracting(ItemRow::itemId).containsExactly("I2", "I3");
        }

        @Test
        void anItemAddedAgainAfterRemovalStaysRemoved() {
            PlanRows rows = given(at(created(), 0), at(added("I1"), 1), at(removed("I1"), 2), at(added("I1"), 3));
            assertThat(rows.item("I1").removed()).isTrue();
            assertThat(rows.items()).hasSize(1);
        }

        @Test
        void thePlanKeepsItsLatestTimeWhenAnOlderEventArrivesLater() {
            PlanRows rows = given(at(created(), 0), at(added("I1"), 10), at(added("I2"), 5));
            assertThat(rows.plan().updatedAt()).isEqualTo(minute(10));
        }

        @Test
        void rowsAnEventDoesNotChangeStayTheSameInstances() {
            PlanRows before = given(at(created(), 0), at(added("I1"), 1), at(added("I2"), 2));
            PlanRows after = PlanEvolution.evolve(before, progress("I2", DANG_THUC_HIEN, 10, OCT_1),
                    EventContext.at(minute(1), "x"));

            assertThat(after.item("I1")).isSameAs(before.item("I1"));
            assertThat(after.item("I2")).isNotSameAs(before.item("I2"));
            // An older time leaves the plan row as it was.
            assertThat(after.plan()).isSameAs(before.plan());
        }
    }

    @Nested
    class Progress {
        private PlanRows given(Events.At... progress) {
            Events.At[] all = new Events.At[progress.length + 2];
            all[0] = at(created(), 0);
            all[1] = at(added("I1"), 1);
            System.arraycopy(progress, 0, all, 2, progress.length);
            return Events.given(all);
        }

        @Test
        void aRecordSetsTheStandingAndWhoRecordedIt() {
            ItemRow item = given(at(progress("I1", DANG_THUC_HIEN, 40, OCT_1, 1_200_000L, "Đã họp tổ",
                    List.of(indicator("Sĩ số", "36")), "[H1-1.1-02]", "MC.1.1.01"), 20, "gv@truong")).item("I1");

            assertThat(item).isEqualTo(new ItemRow(PLAN, "I1", 0, details("1.1"), "DANG_THUC_HIEN", 40, 1_200_000L,
                    List.of("MC.1.1.01", "[H1-1.1-02]"), OCT_1, Map.of("Sĩ số", new BigDecimal("36")), "Đã họp tổ", 1,
                    List.of(), minute(20), "gv@truong", false));
        }

        @Test
        void completedMeansOneHundredPercent() {
            assertThat(given(at(progress("I1", HOAN_THANH, 80, OCT_1), 2)).item("I1").percent()).isEqualTo(100);
            assertThat(given(at(progress("I1", HOAN_THANH, null, OCT_1), 2)).item("I1").percent()).isEqualTo(100);
        }

        @Test
        void anOlderRecordEnteredLaterAddsEvidenceButDoesNotRollBack() {
            ItemRow item = given(
                    at(progress("I1", DANG_THUC_HIEN, 60, NOV_1, 2_000_000L, "Tháng 11", List.of(indicator("A", "2")),
                            "MC.1.1.02"), 2, "a"),
                    at(progress("I1", CHAM_TIEN_DO, 10, OCT_1, 500_000L, "Tháng 10", List.of(indicator("A", "1")),
                            "MC.1.1.01"), 3, "b")).item("I1");

            assertThat(item.status()).isEqualTo("DANG_THUC_HIEN");
            assertThat(item.percent()).isEqualTo(60);
            assertThat(item.amountSpent()).isEqualTo(2_000_000L);
            assertThat(item.lastEffectiveDate()).isEqualTo(NOV_1);
            assertThat(item.indicatorValues()).isEqualTo(Map.of("A", new BigDecimal("2")));
            assertThat(item.narrative()).isEqualTo("Tháng 11");
            assertThat(item.evidenceCodes()).containsExactly("MC.1.1.01", "MC.1.1.02");
            assertThat(item.progressRecords()).isEqualTo(2);
            // Who and when last recorded follow arrival.
            assertThat(item.lastUpdatedBy()).isEqualTo("b");
            assertThat(item.lastUpdatedAt()).isEqualTo(minute(3));
        }

        @Test
        void aRecordOfTheSameEffectiveDateReplacesTheStanding() {
            ItemRow item = given(at(progress("I1", DANG_THUC_HIEN, 60, NOV_1), 2),
                    at(progress("I1", CHAM_TIEN_DO, 50, NOV_1), 3)).item("I1");
            assertThat(item.status()).isEqualTo("CHAM_TIEN_DO");
            assertThat(item.percent()).isEqualTo(50);
        }

        @Test
        void whatANewerRecordLeavesOutKeepsItsLastValue() {
            ItemRow item = given(
                    at(progress("I1", DANG_THUC_HIEN, 60, OCT_1, 2_000_000L, "Tháng 10",
                            List.of(indicator("A", "1"), indicator("B", "5"))), 2),
                    at(progress("I1", CHAM_TIEN_DO, null, NOV_1, null, "  ", List.of(indicator("A", "3"),
                            indicator("C", null))), 3)).item("I1");

            assertThat(item.status()).isEqualTo("CHAM_TIEN_DO");
            assertThat(item.percent()).isEqualTo(60);
            assertThat(item.amountSpent()).isEqualTo(2_000_000L);
            assertThat(item.narrative()).isEqualTo("Tháng 10");
            assertThat(item.indicatorValues()).containsExactly(entry("A", new BigDecimal("3")),
                    entry("B", new BigDecimal("5")), entry("C", null));
        }

        @Test
        void evidenceAccumulatesSortedAndDistinct() {
            ItemRow item = given(at(progress("I1", DANG_THUC_HIEN, 10, OCT_1, "MC.1.1.03", "MC.1.1.01"), 2),
                    at(progress("I1", DANG_THUC_HIEN, 20, NOV_1, "MC.1.1.01", "MC.1.1.02"), 3),
                    at(progress("I1", DANG_THUC_HIEN, 30, DEC_1), 4)).item("I1");
            assertThat(item.evidenceCodes()).containsExactly("MC.1.1.01", "MC.1.1.02", "MC.1.1.03");
        }

        @Test
        void evidenceAStoreGivesInAnotherOrderIsKeptSortedAndDistinct() {
            ItemRow stored = new ItemRow(PLAN, "I1", 0, details("1.1"), "DANG_THUC_HIEN", 10, null,
                    List.of("[H1-1.1-02]", "MC.1.1.01", "[H1-1.1-02]"), OCT_1, Map.of(), null, 0, List.of(), null, null,
                    false);
            PlanRows rows = PlanRows.of(given(at(created(), 0)).plan(), List.of(stored), List.of());
            PlanRows after = PlanEvolution.evolve(rows, progress("I1", DANG_THUC_HIEN, 20, NOV_1, "MC.1.1.00"),
                    EventContext.at(minute(5), "x"));

            assertThat(stored.evidenceCodes()).containsExactly("MC.1.1.01", "[H1-1.1-02]");
            assertThat(after.item("I1").evidenceCodes()).containsExactly("MC.1.1.00", "MC.1.1.01", "[H1-1.1-02]");
        }

        @Test
        void aRecordWithoutStatusOrDateIsRefused() {
            assertThatThrownBy(() -> given(at(progress("I1", null, 10, OCT_1), 2))).isInstanceOf(EventRefused.class);
            assertThatThrownBy(() -> given(at(progress("I1", DANG_THUC_HIEN, 10, null), 2)))
                    .isInstanceOf(EventRefused.class);
        }
    }

    @Nested
    class Reports {
        @Test
        void eachRevisionIsKeptWithItsTextAndWhoSentIt() {
            PlanRows rows = Events.given(at(created(), 0),
                    at(report(ReportPeriod.DAU_NAM, 1, LocalDate.of(2024, 10, 30), null), 60, "truongban"),
                    at(report(ReportPeriod.DAU_NAM, 2, LocalDate.of(2024, 11, 5), "Sai số liệu"), 90, "truongban"));

            assertThat(rows.reports()).containsExactly(
                    new ReportRow(PLAN, "DAU_NAM", 1, "Tóm tắt 1", "Phát hiện", "Kiến nghị", null,
                            LocalDate.of(2024, 10, 30), minute(60), "truongban"),
                    new ReportRow(PLAN, "DAU_NAM", 2, "Tóm tắt 2", "Phát hiện", "Kiến nghị", "Sai số liệu",
                            LocalDate.of(2024, 11, 5), minute(90), "truongban"));
            assertThat(rows.plan().updatedAt()).isEqualTo(minute(90));
        }

        @Test
        void aRevisionSentTwiceKeepsTheFirstButTouchesThePlan() {
            PlanRows rows = Events.given(at(created(), 0), at(report(ReportPeriod.CUOI_HK1, 1, null, null), 60, "a"),
                    at(report(ReportPeriod.CUOI_HK1, 1, LocalDate.of(2025, 1, 1), null), 70, "b"));

            assertThat(rows.reports()).singleElement().extracting(ReportRow::actor, ReportRow::submittedOn)
                    .containsExactly("a", null);
            assertThat(rows.plan().updatedAt()).isEqualTo(minute(70));
        }

        @Test
        void aReportOfAPlanNeverCreatedIsRefused() {
            assertThatThrownBy(() -> Events.given(at(report(ReportPeriod.DAU_NAM, 1, null, null), 0)))
                    .isInstanceOf(EventRefused.class);
        }

        @Test
        void revisionsOfAPeriodComeLowestFirst() {
            PlanRows rows = Events.given(at(created(), 0), at(report(ReportPeriod.DAU_NAM, 2, null, "x"), 1),
                    at(report(ReportPeriod.CUOI_NAM, 1, null, null), 2), at(report(ReportPeriod.DAU_NAM, 1, null, null), 3));
            assertThat(rows.revisions("DAU_NAM")).extracting(ReportRow::revision).containsExactly(1, 2);
        }
    }
}
