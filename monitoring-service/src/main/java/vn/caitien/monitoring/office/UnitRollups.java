package vn.caitien.monitoring.office;

import org.springframework.stereotype.Service;
import vn.caitien.api.access.PlanScope;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.monitoring.progress.PlanFilter;
import vn.caitien.monitoring.progress.PlanProgressService;
import vn.caitien.monitoring.progress.PlanSummary;
import vn.caitien.readmodel.Labels;
import vn.caitien.readmodel.ReportState;
import vn.caitien.readmodel.Standing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Rolls plan summaries up the administrative tree. The tree is whatever path the schools give for
 * their managing unit, so a new commune or an old district needs no code.
 */
@Service
public class UnitRollups {
    static final int AT_RISK = 5;
    private final PlanProgressService progress;

    public UnitRollups(PlanProgressService progress) {
        this.progress = progress;
    }

    /** The roll-up of the visible plans under the filter's unit. */
    public UnitRollup rollup(PlanFilter filter, Predicate<PlanScope> visible) {
        List<PlanSummary> plans = progress.summaries(filter, visible);
        List<String> path = filter.unitPath();
        Map<String, List<PlanSummary>> byChild = new LinkedHashMap<>();
        for (PlanSummary plan : plans) {
            if (plan.managingUnit().size() > path.size()) {
                byChild.computeIfAbsent(plan.managingUnit().get(path.size()), k -> new ArrayList<>()).add(plan);
            }
        }
        List<UnitRollup.Child> children = byChild.entrySet().stream().map(e -> {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(e.getKey());
            UnitRollup.Totals t = totals(e.getValue());
            return new UnitRollup.Child(e.getKey(), childPath, t.schools(), t.plans(), t.items(), t.completed(),
                    t.overdue(), t.completionRate());
        }).sorted(Comparator.comparing(UnitRollup.Child::name)).toList();
        List<PlanSummary> atRisk = plans.stream().filter(p -> p.overdueCount() > 0 || missingReports(p) > 0)
                .sorted(Comparator.comparingInt(PlanSummary::overdueCount).reversed()
                        .thenComparing(Comparator.comparingLong(UnitRollups::missingReports).reversed())
                        .thenComparingDouble(PlanSummary::completionRate))
                .limit(AT_RISK).toList();
        return new UnitRollup(path, path.isEmpty() ? "Toàn quốc" : path.get(path.size() - 1), totals(plans),
                submissions(plans), children, plans, atRisk);
    }

    static UnitRollup.Totals totals(List<PlanSummary> plans) {
        int items = plans.stream().mapToInt(PlanSummary::itemCount).sum();
        int completed = plans.stream().mapToInt(PlanSummary::completedCount).sum();
        return new UnitRollup.Totals((int) plans.stream().map(PlanSummary::schoolKey).distinct().count(), plans.size(),
                items, completed, plans.stream().mapToInt(PlanSummary::overdueCount).sum(),
                Standing.completionRate(completed, items),
                plans.stream().mapToLong(PlanSummary::budgetPlanned).sum(),
                plans.stream().mapToLong(PlanSummary::amountSpent).sum());
    }

    private static List<UnitRollup.PeriodSubmission> submissions(List<PlanSummary> plans) {
        List<UnitRollup.PeriodSubmission> result = new ArrayList<>();
        for (ReportPeriod period : ReportPeriod.values()) {
            Map<String, Integer> count = new LinkedHashMap<>();
            for (PlanSummary plan : plans) {
                plan.reports().stream().filter(r -> r.period().equals(period.name()))
                        .forEach(r -> count.merge(r.state(), 1, Integer::sum));
            }
            result.add(new UnitRollup.PeriodSubmission(period.name(), Labels.reportPeriod(period),
                    count.getOrDefault(ReportState.ON_TIME.name(), 0), count.getOrDefault(ReportState.LATE.name(), 0),
                    count.getOrDefault(ReportState.MISSING.name(), 0), count.getOrDefault(ReportState.NOT_DUE.name(), 0)));
        }
        return result;
    }

    private static long missingReports(PlanSummary plan) {
        return plan.reports().stream().filter(r -> ReportState.MISSING.name().equals(r.state())).count();
    }
}
