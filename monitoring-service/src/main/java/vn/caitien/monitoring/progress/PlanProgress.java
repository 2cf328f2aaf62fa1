package vn.caitien.monitoring.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GET /api/plans/{id}/progress: the plan's summary, its rows in table order and counts by status,
 * and what the signed-in reader may do to it ({@code permissions}, absent outside a request).
 */
public record PlanProgress(
        String planId,
        String schoolName,
        String schoolYear,
        String frameworkId,
        String status,
        LocalDate asOf,
        PlanSummary summary,
        List<ItemProgress> items,
        Map<String, Integer> counts,
        List<PlanSummary.ReportStatus> reports,
        Permissions permissions) {

    /**
     * Which changes plan-service would accept from this reader, so the page offers only those buttons
     * (plan-service decides again on each command): plan actions by name, and the items whose progress
     * the reader may record (the monitoring team: all; staff: the items they lead).
     */
    public record Permissions(List<String> actions, List<String> progressItems) {
    }

    public PlanProgress withPermissions(Permissions granted) {
        return new PlanProgress(planId, schoolName, schoolYear, frameworkId, status, asOf, summary, items, counts,
                reports, granted);
    }
}
