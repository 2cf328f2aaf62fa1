package vn.caitien.monitoring.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.monitoring.messaging.ConsumerConfiguration;
import vn.caitien.monitoring.messaging.DeadLetters;
import vn.caitien.monitoring.messaging.TopicPositions;

import java.time.Duration;
import java.time.Instant;

/**
 * Rebuilds the progress read model from the start of the event topic: stop the processor, reset its
 * token (the projection's reset handler empties its tables), start it again and follow it to the
 * topic's end as it was when the rebuild began. The dead-letter queue is emptied first.
 */
@Service
public class ProjectionRebuild {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    /** With duplicates on the topic the count may stop short of the total; quiet this long means done. */
    static final Duration QUIET = Duration.ofSeconds(3);
    private final TopicPositions positions;
    private final JdbcTemplate jdbc;
    private final DeadLetters deadLetters;
    private volatile RebuildStatus status = RebuildStatus.idle();
    private volatile long target;
    private long lastDone;
    private Instant lastMovement;

    public ProjectionRebuild(TopicPositions positions, JdbcTemplate jdbc, DeadLetters deadLetters, MeterRegistry metrics) {
        this.positions = positions;
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        Gauge.builder("caitien.rebuild.events.done", this, r -> r.status.eventsDone())
                .description("Sự kiện đã phát lại trong lần dựng lại gần nhất").register(metrics);
        Gauge.builder("caitien.rebuild.events.total", this, r -> r.status.eventsTotal())
                .description("Tổng sự kiện cần phát lại trong lần dựng lại gần nhất").register(metrics);
        Gauge.builder("caitien.rebuild.running", this, r -> "RUNNING".equals(r.status.state()) ? 1 : 0)
                .register(metrics);
    }

    public synchronized RebuildStatus start() throws Exception {
        if ("RUNNING".equals(status.state())) return status;
        TrackingEventProcessor processor = positions.processor()
                .orElseThrow(() -> new IllegalStateException("Processor monitoring is not configured"));
        target = positions.endOffsetTotal();
        Instant started = Instant.now();
        log.info("Dựng lại bảng theo dõi từ đầu chủ đề: {} sự kiện", target);
        processor.shutDown();
        // The replay applies every event again: parked ones either succeed now or are parked anew.
        deadLetters.clear();
        processor.resetTokens();
        processor.start();
        status = new RebuildStatus("RUNNING", started, null, 0, target, 0, 0, "Đang phát lại sự kiện từ đầu");
        lastDone = 0;
        lastMovement = started;
        return status;
    }

    /** Follows a running rebuild; also what the status endpoint and the gauges read. */
    @Scheduled(fixedDelay = 500)
    public synchronized void follow() {
        if (!"RUNNING".equals(status.state())) return;
        // The reset emptied the dedup marks and the dead-letter queue: each mark since then is one event
        // applied by the replay, each dead letter one it had to park.
        long done = Math.min(target, jdbc.queryForObject(
                "select count(*) from processed_event where processor_name = ?", Long.class, ConsumerConfiguration.PROCESSOR)
                + deadLetters.counts().letters());
        Instant now = Instant.now();
        if (done != lastDone) {
            lastDone = done;
            lastMovement = now;
        }
        double seconds = Math.max(0.001, Duration.between(status.startedAt(), now).toMillis() / 1000.0);
        double percent = target == 0 ? 100 : Math.round(1000.0 * done / target) / 10.0;
        boolean healthy = positions.processor().map(p -> p.isRunning() && !p.isError()).orElse(false);
        boolean finished = healthy && (done >= target
                || done > 0 && Duration.between(lastMovement, now).compareTo(QUIET) > 0);
        status = new RebuildStatus(finished ? "DONE" : "RUNNING", status.startedAt(), finished ? now : null, done,
                target, percent, Math.round(10.0 * done / seconds) / 10.0,
                finished ? "Đã dựng lại xong" : "Đang phát lại sự kiện từ đầu");
        if (finished) log.info("Đã dựng lại bảng theo dõi: {} sự kiện trong {} s", done, seconds);
    }

    public RebuildStatus status() {
        follow();
        return status;
    }
}
