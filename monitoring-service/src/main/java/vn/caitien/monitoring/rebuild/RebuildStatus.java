package vn.caitien.monitoring.rebuild;

import java.time.Instant;

/**
 * Where a rebuild of the read model stands: records read of the topic's total, the rate, the phase
 * (READING, WRITING, REPLAYING when it fell back to event-by-event replay, DONE, FAILED) and a message
 * for people.
 */
public record RebuildStatus(String state, String phase, Instant startedAt, Instant finishedAt, long eventsDone,
                            long eventsTotal, double percent, double eventsPerSecond, String message) {

    public static RebuildStatus idle() { return new RebuildStatus("IDLE", null, null, null, 0, 0, 0, 0, null); }

    /** A status of a rebuild that began at {@code startedAt}, with the percentage and rate worked out. */
    static RebuildStatus of(String state, String phase, Instant startedAt, Instant finishedAt, long done, long total,
                            Instant now, String message) {
        double seconds = Math.max(0.001, java.time.Duration.between(startedAt, finishedAt != null ? finishedAt : now)
                .toMillis() / 1000.0);
        double percent = total == 0 ? 100 : Math.round(1000.0 * Math.min(done, total) / total) / 10.0;
        return new RebuildStatus(state, phase, startedAt, finishedAt, done, total, percent,
                Math.round(10.0 * done / seconds) / 10.0, message);
    }
}
