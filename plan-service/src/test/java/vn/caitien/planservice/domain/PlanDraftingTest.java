package vn.caitien.planservice.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.item.AddActionItem;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.item.RemoveActionItem;
import vn.caitien.api.item.Schedule;
import vn.caitien.api.item.UpdateActionItem;
import vn.caitien.api.plan.ApprovePlan;
import vn.caitien.api.plan.Baseline;
import vn.caitien.api.plan.LevelAttainment;
import vn.caitien.api.plan.SchoolType;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static vn.caitien.planservice.domain.PlanSamples.*;

/** Creating a plan, writing its rows as a draft, approving it, and amending it afterwards. */
class PlanDraftingTest {
    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(FrameworkCatalog.standard());
        fixture.registerInjectableResource(new PlanLimits());
    }

    @Test
    void createsAPlanAsADraft() {
        fixture.givenNoPriorActivity().when(createPlan()).expectSuccessfulHandlerExecution()
                .expectEvents(planCreated());
    }

    @Test
    void refusesAnUnknownFramework() {
        fixture.givenNoPriorActivity().when(createPlan("TT99-2030", SchoolType.TIEU_HOC, null))
                .expectNoEvents().expectException(rejected(Rejection.UNKNOWN_FRAMEWORK, "frameworkId"));
    }

    @Test
    void refusesAFrameworkOfAnotherSchoolType() {
        fixture.givenNoPriorActivity().when(createPlan("TT17-2018", SchoolType.MAM_NON, null))
                .expectNoEvents().expectException(rejected(Rejection.FRAMEWORK_NOT_FOR_SCHOOL_TYPE, "frameworkId"));
    }

    @Test
    void refusesABaselineWithMoreCriteriaMetThanExist() {
        Baseline baseline = new Baseline(List.of(new LevelAttainment(1, 28, 27)), 1, null);
        fixture.givenNoPriorActivity().when(createPlan("TT17-2018", SchoolType.TIEU_HOC, baseline))
                .expectNoEvents().expectException(rejected(Rejection.INVALID_BASELINE, "baseline.levels[0].met"));
    }

    @Test
    void refusesABaselineLevelTheFrameworkDoesNotHave() {
        Baseline baseline = new Baseline(List.of(new LevelAttainment(3, 10, 15)), 2, null);
        fixture.givenNoPriorActivity().when(createPlan("TT57-2026-PT", SchoolType.TIEU_HOC, baseline))
                .expectNoEvents().expectException(rejected(Rejection.INVALID_BASELINE, "baseline.levels[0].level"));
    }

    @Test
    void refusesAnOverallLevelTheFrameworkDoesNotHave() {
        Baseline baseline = new Baseline(List.of(), 5, null);
        fixture.givenNoPriorActivity().when(createPlan("TT17-2018", SchoolType.TIEU_HOC, baseline))
                .expectNoEvents().expectException(rejected(Rejection.INVALID_BASELINE, "baseline.overallLevel"));
    }

    @Test
    void addsAnItemForACriterionOfTheFramework() {
        fixture.given(planCreated()).when(new AddActionItem(PLAN, ITEM_3_4, details("3.4", "MỨC 1, 2, 3"), null))
                .expectEvents(itemAdded(ITEM_3_4, "3.4")).expectResultMessagePayload(ITEM_3_4);
    }

    @Test
    void refusesACriterionTheFrameworkDoesNotHave() {
        fixture.given(planCreated()).when(new AddActionItem(PLAN, ITEM_3_4, details("5.6", "MỨC 1, 2, 3"), null))
                .expectNoEvents().expectException(rejected(Rejection.UNKNOWN_CRITERION, "criterionCode"));
    }

    @Test
    void namesLevelFourCriteriaByTheirNumber() {
        ActionItemId id = ActionItemId.of("m4");
        fixture.given(planCreated()).when(new AddActionItem(PLAN, id, details("2", "MỨC 4"), null))
                .expectEvents(new ActionItemAdded(PLAN, id, details("M4.2", "MỨC 4"), null));
    }

    @Test
    void refusesALevelFourCriterionTheFrameworkDoesNotHave() {
        fixture.given(planCreated()).when(new AddActionItem(PLAN, ITEM_3_4, details("M4.9", "MỨC 4"), null))
                .expectNoEvents().expectException(rejected(Rejection.UNKNOWN_CRITERION, "criterionCode"));
    }

    @Test
    void refusesALevelFourCriterionOutsideTheLevelFourGroup() {
        fixture.given(planCreated()).when(new AddActionItem(PLAN, ITEM_3_4, details("M4.1", "MỨC 1, 2, 3"), null))
                .expectNoEvents().expectException(rejected(Rejection.INVALID_LEVEL_GROUP, "levelGroup"));
    }

    @Test
    void refusesAnOrdinaryCriterionInTheLevelFourGroup() {
        fixture.given(planCreated()).when(new AddActionItem(PLAN, ITEM_3_4, details("3.4", "MỨC 4"), null))
                .expectNoEvents().expectException(rejected(Rejection.INVALID_LEVEL_GROUP, "levelGroup"));
    }

    @Test
    void refusesLevelFourMixedWithOtherLevels() {
        fixture.given(planCreated()).when(new AddActionItem(PLAN, ITEM_3_4, details("3.4", "MỨC 3, 4"), null))
                .expectNoEvents().expectException(rejected(Rejection.INVALID_LEVEL_GROUP, "levelGroup"));
    }

    @Test
    void refusesALevelTheFrameworkDoesNotHave() {
        fixture.given(planCreated("TT57-2026-PT"))
                .when(new AddActionItem(PLAN, ITEM_3_4, details("1.3", "MỨC 3"), null))
                .expectNoEvents().expectException(rejected(Rejection.INVALID_LEVEL_GROUP, "levelGroup"));
    }

    @Test
    void placesAnItemWithoutLevelRowInTheFrameworksOrdinaryLevels() {
        fixture.given(planCreated("TT57-2026-PT"))
                .when(new AddActionItem(PLAN, ITEM_3_4, details("1.3", null), null))
                .expectEvents(new ActionItemAdded(PLAN, ITEM_3_4,
                        details("1.3", null).withLevelGroup(new LevelGroup(List.of(1, 2))), null));
    }

    @Test
    void refusesAScheduleThatEndsBeforeItStarts() {
        var details = details("3.4", "MỨC 1, 2, 3");
        var backwards = new vn.caitien.api.item.ActionItemDetails(details.criterionCode(), details.levelGroup(),
                details.targetResult(), details.indicators(), details.tasks(), details.lead(), details.coordinators(),
                new Schedule(YearMonth.of(2024, 5), YearMonth.of(2023, 9), "Tháng 5/2024 đến tháng 9/2023"),
                details.budget(), null, null);
        fixture.given(planCreated()).when(new AddActionItem(PLAN, ITEM_3_4, backwards, null))
                .expectNoEvents().expectException(rejected(Rejection.INVALID_SCHEDULE, "schedule.end"));
    }

    @Test
    void refusesTheSameItemIdTwice() {
        fixture.given(planCreated(), itemAdded(ITEM_3_4, "3.4"))
                .when(new AddActionItem(PLAN, ITEM_3_4, details("3.5", "MỨC 1, 2, 3"), null))
                .expectNoEvents().expectException(rejected(Rejection.DUPLICATE_ITEM, "itemId"));
    }

    @Test
    void keepsTwoItemsForTheSameCriterion() {
        ActionItemId second = ActionItemId.of("second-3-4");
        fixture.given(planCreated(), itemAdded(ITEM_3_4, "3.4"))
                .when(new AddActionItem(PLAN, second, details("3.4", "MỨC 1, 2, 3"), null))
                .expectEvents(itemAdded(second, "3.4"));
    }

    @Test
    void updatesAndRemovesDraftItemsWithoutReason() {
        fixture.given(planCreated(), itemAdded(ITEM_3_4, "3.4"))
                .when(new UpdateActionItem(PLAN, ITEM_3_4, details("3.5", "MỨC 1, 2, 3"), "ignored in draft"))
                .expectEvents(new ActionItemUpdated(PLAN, ITEM_3_4, details("3.5", "MỨC 1, 2, 3"), null));
        fixture.given(planCreated(), itemAdded(ITEM_3_4, "3.4"))
                .when(new RemoveActionItem(PLAN, ITEM_3_4, null))
                .expectEvents(new ActionItemRemoved(PLAN, ITEM_3_4, null));
    }

    @Test
    void refusesToUpdateOrRemoveAnUnknownItem() {
        fixture.given(planCreated()).when(new UpdateActionItem(PLAN, ITEM_3_4, details("3.4", "MỨC 1, 2, 3"), null))
                .expectNoEvents().expectException(rejected(Rejection.UNKNOWN_ITEM, "itemId"));
        fixture.given(planCreated(), itemAdded(ITEM_3_4, "3.4"), new ActionItemRemoved(PLAN, ITEM_3_4, null))
                .when(new RemoveActionItem(PLAN, ITEM_3_4, null))
                .expectNoEvents().expectException(rejected(Rejection.UNKNOWN_ITEM, "itemId"));
    }

    @Test
    void refusesAnUpdateToAnUnknownCriterion() {
        fixture.given(planCreated(), itemAdded(ITEM_3_4, "3.4"))
                .when(new UpdateActionItem(PLAN, ITEM_3_4, details("6.1", "MỨC 1, 2, 3"), null))
                .expectNoEvents().expectException(rejected(Rejection.UNKNOWN_CRITERION, "criterionCode"));
    }

    @Test
    void approvesAPlanWithItems() {
        fixture.given(planCreated(), itemAdded(ITEM_3_4, "3.4"))
                .when(new ApprovePlan(PLAN, LocalDate.of(2023, 8, 18), "Lưu Thuận Phong"))
                .expectEvents(approved());
    }

    @Test
    void refusesToApproveAnEmptyPlan() {
        fixture.given(planCreated()).when(new ApprovePlan(PLAN, LocalDate.of(2023, 8, 18), null))
                .expectNoEvents().expectException(rejected(Rejection.NO_ITEMS, "items"));
    }

    @Test
    void refusesToApproveTwice() {
        fixture.given(approvedPlan()).when(new ApprovePlan(PLAN, LocalDate.of(2023, 8, 20), null))
                .expectNoEvents().expectException(rejected(Rejection.ALREADY_APPROVED, "status"));
    }

    @Test
    void recordsChangesAfterApprovalAsAmendmentsWithReason() {
        ActionItemId added = ActionItemId.of("amend-2-4");
        fixture.given(approvedPlan()).when(new AddActionItem(PLAN, added, details("2.4", "MỨC 1, 2, 3"), " Theo góp ý của Phòng GDĐT "))
                .expectEvents(new ActionItemAdded(PLAN, added, details("2.4", "MỨC 1, 2, 3"), "Theo góp ý của Phòng GDĐT"));
        fixture.given(approvedPlan()).when(new UpdateActionItem(PLAN, ITEM_3_4, details("3.4", "MỨC 1, 2, 3"), "Điều chỉnh kinh phí"))
                .expectEvents(new ActionItemUpdated(PLAN, ITEM_3_4, details("3.4", "MỨC 1, 2, 3"), "Điều chỉnh kinh phí"));
        fixture.given(approvedPlan()).when(new RemoveActionItem(PLAN, ITEM_3_4, "Đã hoàn thành từ năm trước"))
                .expectEvents(new ActionItemRemoved(PLAN, ITEM_3_4, "Đã hoàn thành từ năm trước"));
    }

    @Test
    void refusesAmendmentsWithoutReason() {
        fixture.given(approvedPlan()).when(new AddActionItem(PLAN, ActionItemId.of("x"), details("2.4", "MỨC 1, 2, 3"), " "))
                .expectNoEvents().expectException(rejected(Rejection.AMENDMENT_REASON_REQUIRED, "amendmentReason"));
        fixture.given(approvedPlan()).when(new UpdateActionItem(PLAN, ITEM_3_4, details("3.4", "MỨC 1, 2, 3"), null))
                .expectNoEvents().expectException(rejected(Rejection.AMENDMENT_REASON_REQUIRED, "amendmentReason"));
        fixture.given(approvedPlan()).when(new RemoveActionItem(PLAN, ITEM_3_4, null))
                .expectNoEvents().expectException(rejected(Rejection.AMENDMENT_REASON_REQUIRED, "amendmentReason"));
    }

    @Test
    void criterionCodesAreNormalised() {
        org.junit.jupiter.api.Assertions.assertEquals("1.4", CriterionCode.parse("Tiêu chí 1.4.").value());
        org.junit.jupiter.api.Assertions.assertEquals("M4.3", CriterionCode.parse("3").value());
    }
}
