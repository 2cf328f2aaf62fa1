package vn.caitien.monitoring.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GET /api/plans/{id}/progress. {@code completionRate} is completed items / all items, the TT57
 * indicator "số nhiệm vụ cải tiến hoàn thành / tổng số nhiệm vụ".
 */
public record PlanProgress(
        String planId,
        String schoolName,
        String documentNumber,
        String schoolYear,
        String frameworkId,
        String status,
        LocalDate asOf,
        Instant updatedAt,
        List<ItemProgress> items,
        Map<String, Integer> counts,
        int itemCount,
        int completedCount,
        int overdueCount,
        double completionRate,
        long budgetPlanned,
        long amountSpent,
        List<ReportStatus> reports) {

    /** Where one of the school year's reports stands: its latest revision, or not submitted. */
    public record ReportStatus(String period, String label, Integer latestRevision, Instant submittedAt,
                               String submittedBy) {
    }
}
