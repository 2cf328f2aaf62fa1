package vn.caitien.monitoring.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** GET /api/plans/{id}/progress: the plan's summary, its rows in table order and counts by status. */
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
        List<PlanSummary.ReportStatus> reports) {
}
