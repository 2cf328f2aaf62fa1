package vn.caitien.monitoring.progress;

import org.springframework.stereotype.Component;
import vn.caitien.api.catalog.Framework;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.catalog.Standard;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.readside.report.ReportCadence;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.monitoring.messaging.ConsumerConfiguration;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The monitoring rules, in one place: an item is overdue when its end month has passed and it is not
 * completed; a report is on time when first sent by its due date.
 */
@Component
public class Standing {
    private final ReportCadence cadence;
    private final FrameworkCatalog catalog = FrameworkCatalog.standard();

    public Standing(ReportCadence cadence) {
        this.cadence = cadence;
    }

    public ItemProgress item(ProgressReadModel.ItemRow row, String frameworkId, LocalDate today) {
        ProgressStatus status = ProgressStatus.valueOf(row.status());
        LocalDate due = row.end() == null ? null : row.end().atEndOfMonth();
        boolean overdue = due != null && due.isBefore(today) && status != ProgressStatus.HOAN_THANH;
        CriterionCode code = CriterionCode.parse(row.criterionCode());
        Optional<Framework> framework = catalog.find(frameworkId);
        Optional<Standard> standard = framework.flatMap(f -> f.standard(code.standardNo()));
        return new ItemProgress(row.itemId(), row.criterionCode(),
                framework.flatMap(f -> f.criterionName(code)).orElse(null), code.standardNo(),
                code.isLevel4() ? "Tiêu chí mức 4" : standard.map(Standard::name).orElse(null), row.levelGroup(),
                row.start(), row.end(), status.name(), status.label(),
                status == ProgressStatus.HOAN_THANH ? Integer.valueOf(100) : row.percent(), overdue,
                overdue ? ChronoUnit.DAYS.between(due, today) : 0, row.budgetPlanned(), row.amountSpent(),
                row.evidenceCount(), row.lastEffectiveDate(), row.lastUpdatedAt(), row.lastUpdatedBy(), row.details(),
                row.indicatorValues());
    }

    public PlanSummary summary(ProgressReadModel.PlanRow plan, List<ItemProgress> items,
                               List<ProgressReadModel.ReportRow> reports, LocalDate today) {
        int completed = (int) items.stream().filter(i -> ProgressStatus.HOAN_THANH.name().equals(i.status())).count();
        int overdue = (int) items.stream().filter(ItemProgress::overdue).count();
        long planned = items.stream().mapToLong(i -> i.budgetPlanned() == null ? 0 : i.budgetPlanned()).sum();
        long spent = items.stream().mapToLong(i -> i.amountSpent() == null ? 0 : i.amountSpent()).sum();
        double rate = items.isEmpty() ? 0 : Math.round(1000.0 * completed / items.size()) / 1000.0;
        return new PlanSummary(plan.planId(), plan.schoolName(), plan.schoolKey(), plan.schoolType(),
                plan.managingUnit(), plan.documentNumber(), plan.schoolYear(), plan.frameworkId(), plan.status(),
                items.size(), completed, overdue, rate, planned, spent,
                reportStatuses(cadence.dueDates(plan.managingUnit(), SchoolYear.parse(plan.schoolYear())), reports, today),
                plan.updatedAt(), plan.scope().schoolCode());
    }

    private List<PlanSummary.ReportStatus> reportStatuses(Map<ReportPeriod, LocalDate> dueDates,
                                                          List<ProgressReadModel.ReportRow> rows, LocalDate today) {
        List<PlanSummary.ReportStatus> statuses = new ArrayList<>();
        for (Map.Entry<ReportPeriod, LocalDate> owed : dueDates.entrySet()) {
            ReportPeriod period = owed.getKey();
            LocalDate due = owed.getValue();
            List<ProgressReadModel.ReportRow> revisions = rows.stream()
                    .filter(r -> r.period().equals(period.name())).toList();
            ReportState state;
            PlanSummary.ReportStatus status;
            if (revisions.isEmpty()) {
                state = today.isAfter(due) ? ReportState.MISSING : ReportState.NOT_DUE;
                status = new PlanSummary.ReportStatus(period.name(), period.label(), due, state.name(), state.label(),
                        null, null, null, null);
            } else {
                // On time is judged by the first submission; corrections do not make a report late.
                ProgressReadModel.ReportRow first = revisions.get(0);
                ProgressReadModel.ReportRow latest = revisions.get(revisions.size() - 1);
                LocalDate sent = first.submittedOn() != null ? first.submittedOn()
                        : LocalDate.ofInstant(first.submittedAt(), ConsumerConfiguration.VIETNAM);
                state = sent.isAfter(due) ? ReportState.LATE : ReportState.ON_TIME;
                status = new PlanSummary.ReportStatus(period.name(), period.label(), due, state.name(), state.label(),
                        latest.revision(), sent, latest.submittedAt(), latest.submittedBy());
            }
            statuses.add(status);
        }
        return statuses;
    }
}
