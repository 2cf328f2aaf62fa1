package vn.caitien.monitoring.progress;

/**
 * One row of report_submission as the fold leaves it.
 *
 * @param submittedAtMicros the event's time in microseconds since the epoch
 * @param submittedOnDay    the date the report was sent, in days since the epoch, or {@link ColumnValues#NO_DAY}
 */
public record FoldedReport(String period, int revision, long submittedAtMicros, String submittedBy, int submittedOnDay) {
}
