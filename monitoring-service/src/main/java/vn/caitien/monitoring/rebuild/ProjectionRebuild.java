package vn.caitien.monitoring.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.caitien.monitoring.messaging.ConsumerConfiguration;
import vn.caitien.readside.deadletter.DeadLetters;
import vn.caitien.readside.lag.TopicPositions;
import vn.caitien.monitoring.progress.ReadModelRebuilt;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds the progress read model from the start of the event topic. The tracking processor is
 * stopped and the topic's end offsets captured; {@link BulkReplay} reads everything up to them,
 * applies it in memory through the read model's evolve function and, in one transaction, replaces the
 * tables, the processed-event marks, the dead-letter queue and the processor's token, so the processor
 * goes on with the first record after them (events published meanwhile included). If a record cannot be applied that way, the rebuild
 * falls back to replaying event by event through the processor (reset tokens, as before), which parks
 * poison events per plan in the dead-letter queue.
 */
@Service
public class ProjectionRebuild implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    /** With duplicates on the topic the per-event count may stop short of the total; quiet this long means done. */
    static final Duration QUIET = Duration.ofSeconds(3);
    static final String READING = "Đang đọc lại các sự kiện từ đầu chủ đề và tính tiến độ trong bộ nhớ";
    private final TopicPositions positions;
    private final JdbcTemplate jdbc;
    private final DeadLetters deadLetters;
    private final BulkReplay bulk;
    private final ApplicationEventPublisher events;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "monitoring-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RebuildStatus status = RebuildStatus.idle();
    // The per-event fallback is followed by counting dedup marks and dead letters, as before.
    private boolean replaying;
    private String fallbackReason;
    private long lastDone;
    private Instant lastMovement;

    public ProjectionRebuild(TopicPositions positions, JdbcTemplate jdbc, DeadLetters deadLetters, BulkReplay bulk,
                             ApplicationEventPublisher events, MeterRegistry metrics) {
        this.positions = positions;
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.bulk = bulk;
        this.events = events;
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
        Instant started = Instant.now();
        processor.shutDown();
        // Captured once the processor has stopped: it has read nothing past these, and records
        // published from now on are left to it.
        Map<TopicPartition, Long> end;
        try {
            end = positions.endOffsets();
        } catch (Exception e) {
            processor.start();
            throw e;
        }
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        log.info("Dựng lại bảng theo dõi từ đầu chủ đề: {} sự kiện", total);
        replaying = false;
        status = RebuildStatus.of("RUNNING", "READING", started, null, 0, total, started, READING);
        worker.execute(() -> runBulk(processor, end, started, total));
        return status;
    }

    private void runBulk(TrackingEventProcessor processor, Map<TopicPartition, Long> end, Instant started, long total) {
        BulkReplay.Outcome outcome;
        try {
            outcome = bulk.run(end, new BulkReplay.Progress() {
                @Override
                public void reading(long done, long all) {
                    status = RebuildStatus.of("RUNNING", "READING", started, null, done, all, Instant.now(), READING);
                }

                @Override
                public void writing(int plans, long items) {
                    status = RebuildStatus.of("RUNNING", "WRITING", started, null, total, total, Instant.now(),
                            String.format("Đang ghi bảng theo dõi mới trong một giao dịch: %,d kế hoạch, %,d nội dung",
                                    plans, items));
                }
            });
        } catch (BulkReplay.Refused | OutOfMemoryError e) {
            String reason = e instanceof OutOfMemoryError ? "không đủ bộ nhớ" : e.getMessage();
            log.warn("Không dựng lại nhanh được ({}): phát lại từng sự kiện qua bộ xử lý", reason);
            fallBack(processor, started, total, reason);
            return;
        } catch (RuntimeException e) {
            // Nothing was committed: the read model, its marks and the token are as before the rebuild.
            log.error("Dựng lại thất bại, dữ liệu theo dõi giữ nguyên", e);
            startQuietly(processor);
            status = RebuildStatus.of("FAILED", "FAILED", started, Instant.now(), status.eventsDone(), total, Instant.now(),
                    "Dựng lại thất bại, dữ liệu theo dõi giữ nguyên: " + e.getMessage());
            return;
        }
        startQuietly(processor);
        Instant finished = Instant.now();
        String message = String.format("Đã dựng lại xong: %,d sự kiện (%,d áp dụng, %,d trùng lặp, %,d bỏ qua), "
                        + "%,d kế hoạch, %,d nội dung, trong %.1f giây", outcome.records(), outcome.applied(),
                outcome.duplicates(), outcome.skipped(), outcome.written().plans(), outcome.written().items(),
                Duration.between(started, finished).toMillis() / 1000.0);
        log.info("{} ({}; ghi: {})", message, outcome.timings(), outcome.written().timings());
        status = RebuildStatus.of("DONE", "DONE", started, finished, total, total, finished, message);
        try {
            events.publishEvent(new ReadModelRebuilt(outcome.planIds()));
        } catch (RuntimeException e) {
            log.warn("Chưa báo được cho các trang theo dõi sau khi dựng lại: {}", e.toString());
        }
    }

    /** Today's per-event replay: the reset handler empties the tables, the processor reads from the start. */
    private synchronized void fallBack(TrackingEventProcessor processor, Instant started, long total, String reason) {
        try {
            deadLetters.clear();
            processor.resetTokens();
        } catch (RuntimeException e) {
            log.error("Không đặt lại được bộ xử lý để phát lại từng sự kiện", e);
            startQuietly(processor);
            status = RebuildStatus.of("FAILED", "FAILED", started, Instant.now(), 0, total, Instant.now(),
                    "Dựng lại thất bại: " + e.getMessage());
            return;
        }
        processor.start();
        replaying = true;
        fallbackReason = reason;
        lastDone = 0;
        lastMovement = Instant.now();
        status = RebuildStatus.of("RUNNING", "REPLAYING", started, null, 0, total, Instant.now(),
                "Không dựng lại nhanh được (" + reason + "); đang phát lại từng sự kiện");
    }

    /** Follows a per-event replay; also what the status endpoint and the gauges read. */
    @Scheduled(fixedDelay = 500)
    public synchronized void follow() {
        if (!replaying || !"RUNNING".equals(status.state())) return;
        long target = status.eventsTotal();
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
        boolean healthy = positions.processor().map(p -> p.isRunning() && !p.isError()).orElse(false);
        boolean finished = healthy && (done >= target
                || done > 0 && Duration.between(lastMovement, now).compareTo(QUIET) > 0);
        status = RebuildStatus.of(finished ? "DONE" : "RUNNING", finished ? "DONE" : "REPLAYING", status.startedAt(),
                finished ? now : null, done, target, now, finished
                        ? "Đã dựng lại xong bằng cách phát lại từng sự kiện (không dựng lại nhanh được: " + fallbackReason + ")"
                        : "Không dựng lại nhanh được (" + fallbackReason + "); đang phát lại từng sự kiện");
        if (finished) {
            replaying = false;
            log.info("Đã dựng lại bảng theo dõi từng sự kiện: {} sự kiện", done);
        }
    }

    public RebuildStatus status() {
        follow();
        return status;
    }

    private static void startQuietly(TrackingEventProcessor processor) {
        try {
            processor.start();
        } catch (RuntimeException e) {
            log.error("Không khởi động lại được bộ xử lý sự kiện", e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
