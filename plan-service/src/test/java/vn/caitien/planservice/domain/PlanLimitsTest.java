package vn.caitien.planservice.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.item.AddActionItem;
import vn.caitien.api.item.RemoveActionItem;
import vn.caitien.api.item.UpdateActionItem;
import vn.caitien.api.plan.ApprovePlan;
import vn.caitien.api.plan.CreatePlan;
import vn.caitien.api.plan.School;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.progress.RecordProgress;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.api.report.SubmitReport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static vn.caitien.planservice.domain.PlanSamples.*;

/**
 * The plan's size limits: each text, each list, each command and the whole plan, judged for new commands
 * only — a plan stored above a limit still loads, shrinks, and takes commands that do not grow it.
 */
class PlanLimitsTest {
    private static final LocalDate OCT_20 = LocalDate.of(2023, 10, 20);
    private final PlanLimits limits = new PlanLimits();
    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(FrameworkCatalog.standard());
        fixture.registerInjectableResource(limits);
    }

    @Test
    void refusesACellLongerThanAFieldMayBe() {
        ActionItemDetails row = withTarget(details("3.4", "MỨC 1, 2, 3"), "x".repeat(limits.getMaxFieldChars() + 1));
        fixture.given(planCreated()).when(new AddActionItem(PLAN, ITEM_3_4, row, null))
                .expectNoEvents().expectException(rejected(Rejection.TEXT_TOO_LONG, "targetResult"));
    }

    @Test
    void acceptsACellExactlyAsLongAsAFieldMayBe() {
        ActionItemDetails row = withTarget(details("3.4", "MỨC 1, 2, 3"), "x".repeat(limits.getMaxFieldChars()));
        fixture.given(planCreated()).when(new AddActionItem(PLAN, ITEM_3_4, row, null))
                .expectEvents(new ActionItemAdded(PLAN, ITEM_3_4, row, null));
    }

    @Test
    void namesTheListEntryThatIsTooLong() {
        ActionItemDetails row = withTasks(details("3.4", "MỨC 1, 2, 3"),
                List.of("Biên chế đều học sinh các lớp.", "x".repeat(limits.getMaxFieldChars() + 1)));
        fixture.given(planCreated()).when(new AddActionItem(PLAN, ITEM_3_4, row, null))
                .expectNoEvents().expectException(rejected(Rejection.TEXT_TOO_LONG, "tasks[1]"));
    }

    @Test
    void refusesAListWithMoreEntriesThanAllowed() {
        ActionItemDetails row = withTasks(details("3.4", "MỨC 1, 2, 3"),
                Collections.nCopies(limits.getMaxListEntries() + 1, "Biên chế đều học sinh các lớp."));
        fixture.given(planCreated()).when(new AddActionItem(PLAN, ITEM_3_4, row, null))
                .expectNoEvents().expectException(rejected(Rejection.TOO_MANY_ENTRIES, "tasks"));
    }

    @Test
    void refusesARowWhoseTextsTogetherExceedWhatOneCommandMayCarry() {
        // The probe's row: every task within the field limit, the row ~240 kB in all.
        int tasks = limits.getMaxCommandChars() / limits.getMaxFieldChars() + 1;
        ActionItemDetails row = withTasks(details("3.4", "MỨC 1, 2, 3"),
                Collections.nCopies(tasks, "x".repeat(limits.getMaxFieldChars())));
        fixture.given(planCreated()).when(new AddActionItem(PLAN, ITEM_3_4, row, null))
                .expectNoEvents().expectException(rejected(Rejection.CONTENT_TOO_LARGE, "body"));
    }

    @Test
    void refusesARowBeyondTheNumberOfRowsAPlanMayHave() {
        limits.setMaxItems(2);
        fixture.given(planCreated(), itemAdded(ITEM_1_5, "1.5"), itemAdded(ITEM_3_4, "3.4"))
                .when(new AddActionItem(PLAN, ActionItemId.of("item-2-1"), details("2.1", "MỨC 1, 2, 3"), null))
                .expectNoEvents().expectException(rejected(Rejection.TOO_MANY_ITEMS, "items"));
    }

    @Test
    void refusesARowThatWouldTakeThePlanBeyondItsSize() {
        limits.setMaxPlanChars(sizeOf(planCreated()) + rowSize() * 2);
        fixture.given(planCreated(), itemAdded(ITEM_1_5, "1.5"), itemAdded(ITEM_3_4, "3.4"))
                .when(new AddActionItem(PLAN, ActionItemId.of("item-2-1"), details("2.1", "MỨC 1, 2, 3"), null))
                .expectNoEvents().expectException(rejected(Rejection.PLAN_TOO_LARGE, "body"));
    }

    @Test
    void countsARowsNewContentInsteadOfItsOldOne() {
        // Room for exactly two sample rows: shrinking one by 10 characters leaves room for a row 10 characters longer.
        limits.setMaxPlanChars(sizeOf(planCreated()) + rowSize() * 2);
        ActionItemDetails shorter = withTarget(details("1.5", "MỨC 1, 2, 3"), "Sĩ số 35");
        int freed = details("1.5", "MỨC 1, 2, 3").targetResult().length() - shorter.targetResult().length();
        ActionItemDetails longer = withTarget(details("2.1", "MỨC 1, 2, 3"),
                details("2.1", "MỨC 1, 2, 3").targetResult() + "x".repeat(freed));
        ActionItemId third = ActionItemId.of("item-2-1");
        fixture.given(planCreated(), itemAdded(ITEM_1_5, "1.5"), itemAdded(ITEM_3_4, "3.4"),
                        new ActionItemUpdated(PLAN, ITEM_1_5, shorter, null), new ActionItemRemoved(PLAN, ITEM_3_4, null))
                .when(new AddActionItem(PLAN, third, longer, null))
                .expectEvents(new ActionItemAdded(PLAN, third, longer, null));
    }

    @Test
    void aPlanStoredAboveItsLimitsStillLoadsAndShrinks() {
        limits.setMaxItems(1);
        limits.setMaxPlanChars(sizeOf(planCreated()));
        ActionItemDetails shorter = withTarget(details("1.5", "MỨC 1, 2, 3"), "Sĩ số 35");
        fixture.given(planCreated(), itemAdded(ITEM_1_5, "1.5"), itemAdded(ITEM_3_4, "3.4"))
                .when(new UpdateActionItem(PLAN, ITEM_1_5, shorter, null))
                .expectEvents(new ActionItemUpdated(PLAN, ITEM_1_5, shorter, null));
    }

    @Test
    void aPlanStoredAboveItsLimitsRefusesAChangeThatGrowsIt() {
        limits.setMaxPlanChars(sizeOf(planCreated()));
        ActionItemDetails longer = withTarget(details("1.5", "MỨC 1, 2, 3"), "Sĩ số 35 học sinh /lớp, không quá 40");
        fixture.given(planCreated(), itemAdded(ITEM_1_5, "1.5"))
                .when(new UpdateActionItem(PLAN, ITEM_1_5, longer, null))
                .expectNoEvents().expectException(rejected(Rejection.PLAN_TOO_LARGE, "body"));
    }

    @Test
    void aPlanStoredAboveItsLimitsIsStillApproved() {
        limits.setMaxItems(1);
        limits.setMaxPlanChars(1);
        fixture.given(planCreated(), itemAdded(ITEM_1_5, "1.5"), itemAdded(ITEM_3_4, "3.4"))
                .when(new ApprovePlan(PLAN, LocalDate.of(2023, 8, 18), "Lưu Thuận Phong"))
                .expectEvents(approved());
    }

    @Test
    void aPlanStoredAboveItsLimitsStillHasRowsRemoved() {
        limits.setMaxItems(1);
        limits.setMaxPlanChars(1);
        fixture.given(approvedPlan()).when(new RemoveActionItem(PLAN, ITEM_3_4, "Đã gộp vào nội dung 1.5"))
                .expectEvents(new ActionItemRemoved(PLAN, ITEM_3_4, "Đã gộp vào nội dung 1.5"));
    }

    @Test
    void refusesAnAmendmentReasonLongerThanAFieldMayBe() {
        String reason = "x".repeat(limits.getMaxFieldChars() + 1);
        fixture.given(approvedPlan()).when(new RemoveActionItem(PLAN, ITEM_3_4, reason))
                .expectNoEvents().expectException(rejected(Rejection.TEXT_TOO_LONG, "amendmentReason"));
    }

    @Test
    void refusesAHeaderEntryLongerThanAFieldMayBe() {
        CreatePlan plan = createPlan();
        CreatePlan longBasis = new CreatePlan(plan.planId(), plan.school(), plan.frameworkId(), plan.schoolYear(),
                plan.documentNumber(), plan.issueDate(), plan.issuePlace(),
                List.of(plan.legalBases().get(0), "x".repeat(limits.getMaxFieldChars() + 1)), plan.baseline());
        fixture.givenNoPriorActivity().when(longBasis)
                .expectNoEvents().expectException(rejected(Rejection.TEXT_TOO_LONG, "legalBases[1]"));
    }

    @Test
    void refusesAManagingUnitPathWithMoreEntriesThanAllowed() {
        CreatePlan plan = createPlan();
        School school = new School(SCHOOL.name(), SCHOOL.code(), SCHOOL.type(),
                Collections.nCopies(limits.getMaxListEntries() + 1, "Quận 10"));
        CreatePlan deep = new CreatePlan(plan.planId(), school, plan.frameworkId(), plan.schoolYear(),
                plan.documentNumber(), plan.issueDate(), plan.issuePlace(), plan.legalBases(), plan.baseline());
        fixture.givenNoPriorActivity().when(deep)
                .expectNoEvents().expectException(rejected(Rejection.TOO_MANY_ENTRIES, "school.managingUnit"));
    }

    @Test
    void refusesANarrativeLongerThanAFieldMayBe() {
        fixture.given(approvedPlan()).when(progress("x".repeat(limits.getMaxFieldChars() + 1), List.of()))
                .expectNoEvents().expectException(rejected(Rejection.TEXT_TOO_LONG, "narrative"));
    }

    @Test
    void refusesMoreEvidenceCodesThanAllowed() {
        List<EvidenceCode> codes = new ArrayList<>();
        for (int i = 1; i <= limits.getMaxListEntries() + 1; i++) codes.add(EvidenceCode.parse("[H1-1.5-" + i + "]"));
        fixture.given(approvedPlan()).when(progress("Đã biên chế lại các lớp", codes))
                .expectNoEvents().expectException(rejected(Rejection.TOO_MANY_ENTRIES, "evidenceCodes"));
    }

    @Test
    void refusesProgressThatWouldTakeThePlanBeyondItsSize() {
        Object[] plan = approvedPlan();
        limits.setMaxPlanChars(sizeOf(planCreated()) + rowSize() * 2 + 10);
        fixture.given(plan).when(progress("x".repeat(11), List.of()))
                .expectNoEvents().expectException(rejected(Rejection.PLAN_TOO_LARGE, "body"));
    }

    @Test
    void countsEveryProgressRecordInThePlansSize() {
        limits.setMaxPlanChars(sizeOf(planCreated()) + rowSize() * 2 + 20);
        ProgressRecorded earlier = new ProgressRecorded(PLAN, ITEM_1_5, "p1", ProgressStatus.DANG_THUC_HIEN, 40,
                List.of(), "x".repeat(10), List.of(), null, OCT_20);
        fixture.given(approvedPlan()).andGiven(earlier).when(progress("x".repeat(11), List.of()))
                .expectNoEvents().expectException(rejected(Rejection.PLAN_TOO_LARGE, "body"));
    }

    @Test
    void refusesReportFindingsLongerThanAReportTextMayBe() {
        fixture.given(approvedPlan()).when(report("x".repeat(limits.getMaxReportTextChars() + 1), false, null))
                .expectNoEvents().expectException(rejected(Rejection.TEXT_TOO_LONG, "findings"));
    }

    @Test
    void acceptsReportFindingsLongerThanAnOrdinaryField() {
        String findings = "x".repeat(limits.getMaxFieldChars() + 1);
        fixture.given(approvedPlan()).when(report(findings, false, null))
                .expectEvents(new ReportSubmitted(PLAN, ReportPeriod.DAU_NAM, YEAR, 1, "Đúng tiến độ", findings, null,
                        null, OCT_20));
    }

    @Test
    void refusesACorrectionReasonLongerThanAFieldMayBe() {
        ReportSubmitted first = new ReportSubmitted(PLAN, ReportPeriod.DAU_NAM, YEAR, 1, "Đúng tiến độ", null, null,
                null, OCT_20);
        fixture.given(approvedPlan()).andGiven(first)
                .when(report(null, true, "x".repeat(limits.getMaxFieldChars() + 1)))
                .expectNoEvents().expectException(rejected(Rejection.TEXT_TOO_LONG, "correctionReason"));
    }

    @Test
    void refusesAReportThatWouldTakeThePlanBeyondItsSize() {
        limits.setMaxPlanChars(sizeOf(planCreated()) + rowSize() * 2 + "Đúng tiến độ".length() - 1);
        fixture.given(approvedPlan()).when(report(null, false, null))
                .expectNoEvents().expectException(rejected(Rejection.PLAN_TOO_LARGE, "body"));
    }

    private static RecordProgress progress(String narrative, List<EvidenceCode> evidence) {
        return new RecordProgress(PLAN, ITEM_1_5, "p-" + narrative.length(), ProgressStatus.DANG_THUC_HIEN, 50,
                List.of(), narrative, evidence, null, OCT_20);
    }

    private static SubmitReport report(String findings, boolean correction, String reason) {
        return new SubmitReport(PLAN, ReportPeriod.DAU_NAM, null, "Đúng tiến độ", findings, null, correction, reason,
                OCT_20);
    }

    private static long sizeOf(vn.caitien.api.plan.PlanCreated e) {
        return PlanContent.chars(PlanContent.header(e.school(), e.frameworkId(), e.documentNumber(), e.issuePlace(),
                e.legalBases(), e.baseline()));
    }

    /** Every sample row has the same texts, whatever its criterion. */
    private static long rowSize() {
        return PlanContent.chars(PlanContent.item(details("1.5", "MỨC 1, 2, 3"), null));
    }

    private static ActionItemDetails withTarget(ActionItemDetails d, String target) {
        return new ActionItemDetails(d.criterionCode(), d.levelGroup(), target, d.indicators(), d.tasks(), d.lead(),
                d.coordinators(), d.schedule(), d.budget(), d.supportConditions(), d.notes());
    }

    private static ActionItemDetails withTasks(ActionItemDetails d, List<String> tasks) {
        return new ActionItemDetails(d.criterionCode(), d.levelGroup(), d.targetResult(), d.indicators(), tasks,
                d.lead(), d.coordinators(), d.schedule(), d.budget(), d.supportConditions(), d.notes());
    }
}
