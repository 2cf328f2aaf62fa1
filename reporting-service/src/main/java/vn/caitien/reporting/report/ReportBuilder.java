package vn.caitien.reporting.report;

import org.springframework.stereotype.Component;
import vn.caitien.api.catalog.Framework;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.reporting.audit.PlanState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes a monitoring report's content from the plan's state at a moment. */
@Component
public class ReportBuilder {
    private final FrameworkCatalog catalog = FrameworkCatalog.standard();

    /**
     * @param submission the report as submitted, or null for a draft of {@code period} as of {@code date}
     */
    public MonitoringReport build(PlanState plan, ReportPeriod period, PlanState.Report submission, LocalDate date) {
        Optional<Framework> framework = catalog.find(plan.frameworkId);
        List<MonitoringReport.Item> items = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProgressStatus s : ProgressStatus.values()) counts.put(s.name(), 0);
        int completed = 0;
        int overdue = 0;
        long planned = 0;
        long spent = 0;
        for (PlanState.Item state : plan.items.values()) {
            MonitoringReport.Item item = item(items.size() + 1, state, framework, date);
            items.add(item);
            counts.merge(item.status(), 1, Integer::sum);
            if (ProgressStatus.HOAN_THANH.name().equals(item.status())) completed++;
            if (item.overdue()) overdue++;
            ActionItemDetails d = state.details;
            if (d.budget() != null && d.budget().amount() != null) planned += d.budget().amount().vnd();
            if (state.amountSpentToDate != null) spent += state.amountSpentToDate;
        }
        double rate = items.isEmpty() ? 0 : Math.round(1000.0 * completed / items.size()) / 1000.0;
        List<String> unit = plan.school == null ? List.of() : plan.school.managingUnit();
        String lastUnit = unit.isEmpty() ? null : unit.get(unit.size() - 1);
        return new MonitoringReport(plan.planId, plan.school == null ? null : plan.school.name(), unit,
                plan.documentNumber, plan.schoolYear, plan.frameworkId, framework.map(Framework::title).orElse(plan.frameworkId),
                period.name(), period.label(), submission == null ? 0 : submission.revision(),
                submission == null ? MonitoringReport.DRAFT : MonitoringReport.SUBMITTED, date,
                plan.issuePlace != null ? plan.issuePlace : lastUnit,
                submission == null ? null : submission.summary(), submission == null ? null : submission.findings(),
                submission == null ? null : submission.recommendations(),
                submission == null ? null : submission.correctionReason(),
                new MonitoringReport.Overview(items.size(), counts, completed, rate, overdue, planned, spent), items,
                submission == null ? null : submission.actor(), plan.approvedBy,
                recipients(lastUnit));
    }

    private MonitoringReport.Item item(int no, PlanState.Item state, Optional<Framework> framework, LocalDate date) {
        ActionItemDetails d = state.details;
        CriterionCode code = d.criterionCode();
        ProgressStatus status = ProgressStatus.valueOf(state.status);
        boolean overdue = d.schedule() != null && d.schedule().end() != null
                && d.schedule().end().atEndOfMonth().isBefore(date) && status != ProgressStatus.HOAN_THANH;
        String time = d.schedule() == null ? null : d.schedule().text() != null ? d.schedule().text()
                : d.schedule().start() + " – " + d.schedule().end();
        boolean unfinished = status != ProgressStatus.HOAN_THANH;
        return new MonitoringReport.Item(no, code.value(), framework.flatMap(f -> f.criterionName(code)).orElse(null),
                d.levelGroup().label(), code.standardNo(),
                code.isLevel4() ? "Tiêu chí mức 4" : framework.flatMap(f -> f.standard(code.standardNo()))
                        .map(s -> s.name()).orElse(null),
                d.targetResult(), d.tasks(), d.lead(), d.coordinators(), time,
                d.budget() == null ? null : d.budget().text(), status.name(), status.label(), state.percent, overdue,
                List.copyOf(state.evidenceCodes), state.narrative, unfinished ? state.narrative : null,
                state.amendments.isEmpty() ? null : String.join("; ", state.amendments));
    }

    private static List<String> recipients(String unit) {
        List<String> recipients = new ArrayList<>();
        recipients.add("Hiệu trưởng nhà trường");
        recipients.add(unit == null ? "Cơ quan quản lý giáo dục (để báo cáo)" : "UBND/Phòng GDĐT " + unit + " (để báo cáo)");
        return recipients;
    }
}
