package vn.caitien.monitoring.progress;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One row of the plan as the monitoring team follows it. {@code details} is the row as the plan
 * states it (target, tasks, lead, time, budget…); {@code indicatorValues} the latest measured values.
 */
public record ItemProgress(
        String itemId,
        String criterionCode,
        String criterionName,
        int standardNo,
        String standardName,
        String levelGroup,
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
        String lastUpdatedBy,
        JsonNode details,
        JsonNode indicatorValues) {
}
