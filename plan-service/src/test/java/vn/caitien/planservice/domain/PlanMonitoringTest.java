package vn.caitien.planservice.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.Money;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.IndicatorValue;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.progress.RecordProgress;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.api.report.SubmitReport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static vn.caitien.planservice.domain.PlanSamples.*;

/** Recording progress on an approved plan and submitting the three periodic reports. */
class PlanMonitoringTest {
    private static final LocalDate OCT_20 = LocalDate.of(2023, 10, 20);
    private static final LocalDate JAN_12 = LocalDate.of(2024, 1, 12);
    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(FrameworkCatalog.standard());
        fixture.registerInjectableResource(new PlanLimits());
    }

    private static RecordProgress progress(String id, ActionItemId item, ProgressStatus status, Integer percent) {
        return progress(id, item, status, percent, List.of(), List.of());
    }

    private static RecordProgress progress(String id, ActionItemId item, ProgressStatus status, Integer percent,
                                           List<IndicatorValue> values, List<EvidenceCode> evidence) {
        return new RecordProgress(PLAN, item, id, status, percent, values, "Đã biên chế lại các lớp khối 1",
                evidence, Money.of(0), OCT_20);
    }

    private static ProgressRecorded recorded(RecordProgress c) {
        return new ProgressRecorded(c.planId(), c.itemId(), c.progressId(), c.status(), c.percent(),
                c.indicatorValues(), c.narrative(), c.evidenceCodes(), c.amountSpentToDate(), c.effectiveDate());
    }

    private static SubmitReport report(ReportPeriod period, boolean correction, String reason) {
        return new SubmitReport(PLAN, period, null, "Các nội dung triển khai đúng tiến độ", "3/11 nội dung hoàn thành",
                "Đề nghị UBND Quận bố trí kinh phí sửa chữa nhà vệ sinh", correction, reason, JAN_12);
    }

    @Test
    void recordsProgressWithIndicatorsAndEvidence() {
        RecordProgress command = progress("p1", ITEM_1_5, ProgressStatus.DANG_THUC_HIEN, 60,
                List.of(new IndicatorValue("Sĩ số", new BigDecimal("36"))),
                List.of(EvidenceCode.parse("[H1-1.5-01]"), EvidenceCode.parse("MC.1.5.02")));
        fixture.given(approvedPlan()).when(command).expectEvents(recorded(command)).expectResultMessagePayload("p1");
    }

    @Test
    void refusesProgressOnADraftPlan() {
        fixture.given(planCreated(), itemAdded(ITEM_1_5, "1.5"))
                .when(progress("p1", ITEM_1_5, ProgressStatus.DANG_THUC_HIEN, 10))
                .expectNoEvents().expectException(rejected(Rejection.NOT_APPROVED, "status"));
    }

    @Test
    void refusesProgressOnAnUnknownItem() {
        fixture.given(approvedPlan()).when(progress("p1", ActionItemId.of("nope"), ProgressStatus.DANG_THUC_HIEN, 10))
                .expectNoEvents().expectException(rejected(Rejection.UNKNOWN_ITEM, "itemId"));
    }

    @Test
    void refusesPercentOutsideZeroToHundred() {
        fixture.given(approvedPlan()).when(progress("p1", ITEM_1_5, ProgressStatus.DANG_THUC_HIEN, 120))
                .expectNoEvents().expectException(rejected(Rejection.PERCENT_OUT_OF_RANGE, "percent"));
        fixture.given(approvedPlan()).when(progress("p1", ITEM_1_5, ProgressStatus.DANG_THUC_HIEN, -1))
                .expectNoEvents().expectException(rejected(Rejection.PERCENT_OUT_OF_RANGE, "percent"));
    }

    @Test
    void refusesAStatusThatContradictsThePercent() {
        fixture.given(approvedPlan()).when(progress("p1", ITEM_1_5, ProgressStatus.HOAN_THANH, 80))
                .expectNoEvents().expectException(rejected(Rejection.STATUS_CONTRADICTS_PERCENT, "percent"));
        fixture.given(approvedPlan()).when(progress("p1", ITEM_1_5, ProgressStatus.CHUA_THUC_HIEN, 10))
                .expectNoEvents().expectException(rejected(Rejection.STATUS_CONTRADICTS_PERCENT, "percent"));
    }

    @Test
    void refusesAValueForAnIndicatorTheItemDoesNotHave() {
        fixture.given(approvedPlan()).when(progress("p1", ITEM_1_5, ProgressStatus.DANG_THUC_HIEN, 50,
                        List.of(new IndicatorValue("Sĩ số", BigDecimal.TEN), new IndicatorValue("Số phòng học", BigDecimal.ONE)),
                        List.of()))
                .expectNoEvents().expectException(rejected(Rejection.UNKNOWN_INDICATOR, "indicatorValues[1].name"));
    }

    @Test
    void refusesEvidenceForACriterionTheFrameworkDoesNotHave() {
        fixture.given(approvedPlan()).when(progress("p1", ITEM_1_5, ProgressStatus.DANG_THUC_HIEN, 50, List.of(),
                        List.of(EvidenceCode.parse("[H1-1.5-01]"), EvidenceCode.parse("[H5-5.6-01]"))))
                .expectNoEvents().expectException(rejected(Rejection.EVIDENCE_CRITERION_UNKNOWN, "evidenceCodes[1]"));
    }

    @Test
    void refusesTheSameProgressRecordTwice() {
        RecordProgress first = progress("p1", ITEM_1_5, ProgressStatus.DANG_THUC_HIEN, 40);
        fixture.given(approvedPlan()).andGiven(recorded(first)).when(first)
                .expectNoEvents().expectException(rejected(Rejection.DUPLICATE_PROGRESS, "progressId"));
    }

    @Test
    void refusesProgressOnARemovedItem() {
        fixture.given(approvedPlan())
                .andGiven(new vn.caitien.api.item.ActionItemRemoved(PLAN, ITEM_1_5, "Không còn phù hợp"))
                .when(progress("p1", ITEM_1_5, ProgressStatus.DANG_THUC_HIEN, 10))
                .expectNoEvents().expectException(rejected(Rejection.UNKNOWN_ITEM, "itemId"));
    }

    @Test
    void submitsTheFirstRevisionOfAPeriod() {
        fixture.given(approvedPlan()).when(report(ReportPeriod.DAU_NAM, false, null))
                .expectEvents(new ReportSubmitted(PLAN, ReportPeriod.DAU_NAM, YEAR, 1, "Các nội dung triển khai đúng tiến độ",
                        "3/11 nội dung hoàn thành", "Đề nghị UBND Quận bố trí kinh phí sửa chữa nhà vệ sinh", null, JAN_12))
                .expectResultMessagePayload(1);
    }

    @Test
    void refusesAReportOnADraftPlan() {
        fixture.given(planCreated()).when(report(ReportPeriod.DAU_NAM, false, null))
                .expectNoEvents().expectException(rejected(Rejection.NOT_APPROVED, "status"));
    }

    @Test
    void refusesASecondSubmissionForThePeriod() {
        fixture.given(approvedPlan()).andGiven(new ReportSubmitted(PLAN, ReportPeriod.DAU_NAM, YEAR, 1, "a", null, null, null, JAN_12))
                .when(report(ReportPeriod.DAU_NAM, false, null))
                .expectNoEvents().expectException(rejected(Rejection.REPORT_ALREADY_SUBMITTED, "period"));
    }

    @Test
    void filesACorrectionAsANewRevision() {
        fixture.given(approvedPlan()).andGiven(new ReportSubmitted(PLAN, ReportPeriod.CUOI_HK1, YEAR, 1, "a", null, null, null, JAN_12))
                .when(report(ReportPeriod.CUOI_HK1, true, "Sai số liệu kinh phí"))
                .expectEvents(new ReportSubmitted(PLAN, ReportPeriod.CUOI_HK1, YEAR, 2, "Các nội dung triển khai đúng tiến độ",
                        "3/11 nội dung hoàn thành", "Đề nghị UBND Quận bố trí kinh phí sửa chữa nhà vệ sinh",
                        "Sai số liệu kinh phí", JAN_12))
                .expectResultMessagePayload(2);
    }

    @Test
    void refusesACorrectionWithoutReason() {
        fixture.given(approvedPlan()).andGiven(new ReportSubmitted(PLAN, ReportPeriod.CUOI_HK1, YEAR, 1, "a", null, null, null, JAN_12))
                .when(report(ReportPeriod.CUOI_HK1, true, ""))
                .expectNoEvents().expectException(rejected(Rejection.CORRECTION_REASON_REQUIRED, "correctionReason"));
    }

    @Test
    void refusesACorrectionOfAPeriodNotSubmitted() {
        fixture.given(approvedPlan()).when(report(ReportPeriod.CUOI_NAM, true, "Bổ sung"))
                .expectNoEvents().expectException(rejected(Rejection.NOTHING_TO_CORRECT, "period"));
    }

    @Test
    void refusesAReportForAnotherSchoolYear() {
        SubmitReport other = new SubmitReport(PLAN, ReportPeriod.DAU_NAM, SchoolYear.parse("2024-2025"), "Tóm tắt",
                null, null, false, null, JAN_12);
        fixture.given(approvedPlan()).when(other)
                .expectNoEvents().expectException(rejected(Rejection.WRONG_SCHOOL_YEAR, "schoolYear"));
    }

    @Test
    void evidenceCodesAcceptBothStylesAndRejectOthers() {
        org.junit.jupiter.api.Assertions.assertEquals("[H1-1.1-01]", EvidenceCode.parse("H1-1.1-1").value());
        org.junit.jupiter.api.Assertions.assertEquals("MC.2.3.04", EvidenceCode.parse("MC.2.3.04").value());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> EvidenceCode.parse("H1.1.1"));
        org.junit.jupiter.api.Assertions.assertEquals(PlanId.of("x"), PlanId.of(" x "));
    }
}
