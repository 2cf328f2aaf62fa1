package vn.caitien.reporting.render;

import org.junit.jupiter.api.Test;
import vn.caitien.reporting.report.MonitoringReport;
import vn.caitien.reporting.report.MonitoringReport.Item;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan stored before the size limits existed is rendered cut to them, visibly; a report within the limits is
 * rendered exactly as it is.
 */
class BoundedReportTest {
    private final RenderProperties limits = new RenderProperties();

    @Test
    void aReportWithinTheLimitsIsUnchanged() {
        MonitoringReport report = SampleReports.leDinhChinh();
        assertThat(BoundedReport.of(report, limits)).isEqualTo(report);
    }

    @Test
    void aCellBeyondTheLimitIsCutWithAMarker() {
        String huge = "Sửa chữa phòng học. ".repeat(12_000); // 240,000 characters, as in the probe of issue 12
        MonitoringReport bounded = BoundedReport.of(SampleReports.withHostileText(huge), limits);

        String target = bounded.items().get(0).targetResult();
        assertThat(target).startsWith(huge.substring(0, limits.getMaxFieldChars()))
                .endsWith(" … [lược bớt 232.000 ký tự]");
        String html = new ReportHtmlRenderer().render(bounded);
        assertThat(html).contains("[lược bớt 232.000 ký tự]").hasSizeLessThan(2 * limits.getMaxFieldChars() + 40_000);
    }

    @Test
    void aReportTextMayBeLongerThanACellButNotUnbounded() {
        MonitoringReport r = SampleReports.leDinhChinh();
        String findings = "x".repeat(limits.getMaxReportTextChars() + 5);
        MonitoringReport bounded = BoundedReport.of(withFindings(r, findings), limits);
        assertThat(bounded.findings()).hasSize(limits.getMaxReportTextChars() + " … [lược bớt 5 ký tự]".length());
    }

    @Test
    void aListBeyondTheLimitKeepsItsFirstEntriesAndSaysHowManyAreLeftOut() {
        MonitoringReport r = SampleReports.leDinhChinh();
        List<Item> items = new ArrayList<>(r.items());
        Item i = items.get(0);
        items.set(0, new Item(i.no(), i.criterionCode(), i.criterionName(), i.levelGroup(), i.standardNo(),
                i.standardName(), i.targetResult(), Collections.nCopies(limits.getMaxListEntries() + 7, "Sửa chữa"),
                i.lead(), i.coordinators(), i.time(), i.budget(), i.status(), i.statusLabel(), i.percent(),
                i.overdue(), i.evidenceCodes(), i.progressNarrative(), i.problems(), i.adjustments()));
        MonitoringReport bounded = BoundedReport.of(withItems(r, items), limits);

        List<String> tasks = bounded.items().get(0).tasks();
        assertThat(tasks).hasSize(limits.getMaxListEntries() + 1);
        assertThat(tasks.get(tasks.size() - 1)).isEqualTo("… [lược bớt 7 mục]");
    }

    @Test
    void rowsBeyondTheLimitAreLeftOutAndTheSummarySaysSo() {
        limits.setMaxItems(2);
        MonitoringReport r = SampleReports.leDinhChinh();
        MonitoringReport bounded = BoundedReport.of(r, limits);

        assertThat(bounded.items()).hasSize(2);
        assertThat(bounded.summary()).endsWith("[Bản này chỉ trình bày 2 trên " + r.items().size()
                + " nội dung cải tiến; xem đầy đủ qua API báo cáo]");
        assertThat(bounded.overview()).as("the overview still counts every row").isEqualTo(r.overview());
    }

    private static MonitoringReport withFindings(MonitoringReport r, String findings) {
        return new MonitoringReport(r.planId(), r.schoolName(), r.managingUnit(), r.documentNumber(), r.schoolYear(),
                r.frameworkId(), r.frameworkTitle(), r.period(), r.periodLabel(), r.revision(), r.state(),
                r.reportDate(), r.place(), r.summary(), findings, r.recommendations(), r.correctionReason(),
                r.overview(), r.items(), r.monitoringLead(), r.principal(), r.recipients());
    }

    private static MonitoringReport withItems(MonitoringReport r, List<Item> items) {
        return new MonitoringReport(r.planId(), r.schoolName(), r.managingUnit(), r.documentNumber(), r.schoolYear(),
                r.frameworkId(), r.frameworkTitle(), r.period(), r.periodLabel(), r.revision(), r.state(),
                r.reportDate(), r.place(), r.summary(), r.findings(), r.recommendations(), r.correctionReason(),
                r.overview(), items, r.monitoringLead(), r.principal(), r.recipients());
    }
}
