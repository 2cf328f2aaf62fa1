package vn.caitien.monitoring.rebuild;

import java.time.Instant;

/** Where a rebuild of the read model stands: events replayed of the topic's total, and the rate. */
public record RebuildStatus(String state, Instant startedAt, Instant finishedAt, long eventsDone, long eventsTotal,
                            double percent, double eventsPerSecond, String message) {

    public static RebuildStatus idle() { return new RebuildStatus("IDLE", null, null, 0, 0, 0, 0, null); }
}
