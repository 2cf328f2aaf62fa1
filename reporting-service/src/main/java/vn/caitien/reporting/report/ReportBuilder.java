package vn.caitien.reporting.report;

import org.springframework.stereotype.Component;
import vn.caitien.api.catalog.Framework;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.readmodel.ItemRow;
import vn.caitien.readmodel.Labels;
import vn.caitien.readmodel.PlanRow;
import vn.caitien.readmodel.PlanRows;
import vn.caitien.readmodel.ReportRow;
import vn.caitien.readmodel.Standing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a monitoring report's content from the plan's rows at a moment; what counts as completed,
 * overdue and the completion rate is the read model's {@link Standing}.
 */
@Component
public class ReportBuilder {
    private final FrameworkCatalog catalog = FrameworkCatalog.standard();

    /**
     * @param rows       the rows of a plan that exists
     * @param submission the report as submitted, or null for a draft of {@code period} as of {@code date}
     */
    public MonitoringReport build(PlanRows rows, ReportPeriod period, ReportRow submission, LocalDate date) {
        PlanRow plan = rows.plan();
        Optional<Framework> framework = catalog.find(plan.frameworkId());
        List<ItemRow> current = rows.currentItems();
        List<MonitoringReport.Item> items = new ArrayList<>();
        for (ItemRow row : current) items.add(item(items.size() + 1, row, framework, date));
        Standing.Totals totals = Standing.totals(current.stream().map(ItemRow::facts).toList(), date);
        List<String> unit = plan.managingUnit();
        String lastUnit = unit.isEmpty() ? null : unit.get(unit.size() - 1);
        return new MonitoringReport(plan.planId(), plan.schoolName(), unit, plan.documentNumber(), plan.schoolYear(),
                plan.frameworkId(), framework.map(Framework::title).orElse(plan.frameworkId()),
                period.name(), Labels.reportPeriod(period), submission == null ? 0 : submission.revision(),
                submission == null ? MonitoringReport.DRAFT : MonitoringReport.SUBMITTED, date,
                plan.issuePlace() != null ? plan.issuePlace() : lastUnit,
                submission == null ? null : submission.summary(), submission == null ? null : submission.findings(),
                submission == null ? null : submission.recommendations(),
                submission == null ? null : submission.correctionReason(),
                new MonitoringReport.Overview(totals.itemCount(), totals.countsByStatus(), totals.completed(),
                        totals.completionRate(), totals.overdue(), totals.budgetPlanned(), totals.amountSpent()),
                items, submission == null ? null : submission.actor(), plan.approvedBy(), recipients(lastUnit));
    }

    private MonitoringReport.Item item(int no, ItemRow row, Optional<Framework> framework, LocalDate date) {
        ActionItemDetails d = row.details();
        CriterionCode code = d.criterionCode();
        Standing.ItemStanding standing = Standing.item(row.facts(), date);
        String time = d.schedule() == null ? null : d.schedule().text() != null ? d.schedule().text()
                : d.schedule().start() + " – " + d.schedule().end();
        return new MonitoringReport.Item(no, code.value(), framework.flatMap(f -> f.criterionName(code)).orElse(null),
                d.levelGroup().label(), code.standardNo(),
                code.isLevel4() ? "Tiêu chí mức 4" : framework.flatMap(f -> f.standard(code.standardNo()))
                        .map(s -> s.name()).orElse(null),
                d.targetResult(), d.tasks(), d.lead(), d.coordinators(), time,
                d.budget() == null ? null : d.budget().text(), row.status(), Labels.progressStatus(row.status()),
                standing.percent(), standing.overdue(), row.evidenceCodes(), row.narrative(),
                standing.completed() ? null : row.narrative(),
                row.amendments().isEmpty() ? null : String.join("; ", row.amendments()));
    }

    private static List<String> recipients(String unit) {
        List<String> recipients = new ArrayList<>();
        recipients.add("Hiệu trưởng nhà trường");
        recipients.add(unit == null ? "Cơ quan quản lý giáo dục (để báo cáo)" : "UBND/Phòng GDĐT " + unit + " (để báo cáo)");
        return recipients;
    }
}
