package vn.caitien.reporting.render;

import vn.caitien.reporting.report.MonitoringReport;
import vn.caitien.reporting.report.MonitoringReport.Item;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report cut to what a renderer is given: no text, list or table longer than the plan's own limits. New
 * plans never exceed them (plan-service refuses); a plan stored before the limits existed is cut here, with a
 * visible marker, so that rendering it costs what rendering a full plan costs and no more.
 */
final class BoundedReport {
    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    private final RenderProperties limits;

    private BoundedReport(RenderProperties limits) {
        this.limits = limits;
    }

    static MonitoringReport of(MonitoringReport r, RenderProperties limits) {
        return new BoundedReport(limits).report(r);
    }

    private MonitoringReport report(MonitoringReport r) {
        List<Item> items = r.items() == null ? List.of() : r.items();
        String summary = report(r.summary());
        if (items.size() > limits.getMaxItems()) {
            String note = "[Bản này chỉ trình bày " + number(limits.getMaxItems()) + " trên " + number(items.size())
                    + " nội dung cải tiến; xem đầy đủ qua API báo cáo]";
            summary = summary == null ? note : summary + "\n" + note;
            items = items.subList(0, limits.getMaxItems());
        }
        return new MonitoringReport(r.planId(), text(r.schoolName()), list(r.managingUnit()), text(r.documentNumber()),
                r.schoolYear(), r.frameworkId(), r.frameworkTitle(), r.period(), r.periodLabel(), r.revision(),
                r.state(), r.reportDate(), text(r.place()), summary, report(r.findings()), report(r.recommendations()),
                text(r.correctionReason()), r.overview(), items.stream().map(this::item).toList(),
                text(r.monitoringLead()), text(r.principal()), list(r.recipients()));
    }

    private Item item(Item i) {
        return new Item(i.no(), text(i.criterionCode()), text(i.criterionName()), text(i.levelGroup()), i.standardNo(),
                text(i.standardName()), text(i.targetResult()), list(i.tasks()), text(i.lead()), list(i.coordinators()),
                text(i.time()), text(i.budget()), i.status(), text(i.statusLabel()), i.percent(), i.overdue(),
                list(i.evidenceCodes()), text(i.progressNarrative()), text(i.problems()), text(i.adjustments()));
    }

    private String text(String s) {
        return cut(s, limits.getMaxFieldChars());
    }

    private String report(String s) {
        return cut(s, limits.getMaxReportTextChars());
    }

    private List<String> list(List<String> values) {
        if (values == null) return null;
        List<String> kept = new ArrayList<>(Math.min(values.size(), limits.getMaxListEntries() + 1));
        for (String v : values.subList(0, Math.min(values.size(), limits.getMaxListEntries()))) kept.add(text(v));
        if (values.size() > limits.getMaxListEntries()) {
            kept.add("… [lược bớt " + number(values.size() - limits.getMaxListEntries()) + " mục]");
        }
        return kept;
    }

    private static String cut(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max; // never split a character
        return s.substring(0, end) + " … [lược bớt " + number(s.length() - end) + " ký tự]";
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(VI).format(n);
    }
}
