package vn.caitien.monitoring.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** One row of the plan as the monitoring team follows it. */
public record ItemProgress(
        String itemId,
        String criterionCode,
        String levelGroup,
        String targetResult,
        String lead,
        YearMonth start,
        YearMonth end,
        String status,
        String statusLabel,
        Integer percent,
        boolean overdue,
        long daysLate,
        Long budgetPlanned,
        Long amountSpent,
        int evidenceCount,
        LocalDate lastEffectiveDate,
        Instant lastUpdatedAt,
        String lastUpdatedBy) {
}
