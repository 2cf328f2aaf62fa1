package vn.caitien.monitoring.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan's standing in one line, as lists and office pages show it. {@code completionRate} is
 * completed items / all items, the TT57 indicator "số nhiệm vụ cải tiến hoàn thành / tổng số nhiệm vụ".
 * {@code schoolCode} is absent for a school whose plan gives no code (its page key is then unit path + name).
 */
public record PlanSummary(
        String planId,
        String schoolName,
        String schoolKey,
        String schoolType,
        List<String> managingUnit,
        String documentNumber,
        String schoolYear,
        String frameworkId,
        String status,
        int itemCount,
        int completedCount,
        int overdueCount,
        double completionRate,
        long budgetPlanned,
        long amountSpent,
        List<ReportStatus> reports,
        Instant updatedAt,
        String schoolCode) {

    /** One of the school year's reports: its state against the due date and its latest revision. */
    public record ReportStatus(String period, String label, LocalDate dueDate, String state, String stateLabel,
                               Integer latestRevision, LocalDate submittedOn, Instant submittedAt, String submittedBy) {
    }
}
