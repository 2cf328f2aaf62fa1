package vn.caitien.monitoring.office;

import vn.caitien.monitoring.progress.PlanSummary;

import java.util.List;

/**
 * An education office's view of one node of the administrative tree (province, commune/ward, or a
 * legacy district): totals, report submission by period, the units below it and its schools' plans.
 */
public record UnitRollup(
        List<String> path,
        String name,
        Totals totals,
        List<PeriodSubmission> reportsByPeriod,
        List<Child> children,
        List<PlanSummary> plans,
        List<PlanSummary> atRisk) {

    public record Totals(int schools, int plans, int items, int completed, int overdue, double completionRate,
                         long budgetPlanned, long amountSpent) {
    }

    /** How many plans have each period's report on time, late, missing, or not yet due. */
    public record PeriodSubmission(String period, String label, int onTime, int late, int missing, int notDue) {
    }

    public record Child(String name, List<String> path, int schools, int plans, int items, int completed,
                        int overdue, double completionRate) {
    }
}
