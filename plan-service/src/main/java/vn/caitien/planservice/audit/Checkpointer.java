package vn.caitien.planservice.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.caitien.api.chain.ChainCheckpoint;
import vn.caitien.api.chain.ChainKeys;
import vn.caitien.api.chain.KeyFiles;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Anchors each plan's head outside the event table: a checkpoint (sequence, hash) signed with the Ed25519 key
 * from the key files, stored in {@code chain_checkpoint} and published on Kafka, where reporting-service keeps
 * it. Taken every {@code caitien.chain.checkpoint-interval} for each plan whose head moved, and after every
 * report submission has committed. Only a head whose seal is valid is anchored: a head written without the
 * seal key is tampering, logged at ERROR and left for verify to name.
 * <p>
 * All of it runs on one thread of its own, never on a request's.
 */
@Component
class Checkpointer {
    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    private static final int PUBLISH_BATCH = 500;

    private final CheckpointTable table;
    private final CheckpointPublisher publisher;
    private final StoredEvents events;
    private final EventSeals seals;
    private final KeyPair signingKeys;
    private final String keyId;
    private final Clock clock;
    private final Duration interval;
    private final Duration retry;
    private final AtomicLong unpublished = new AtomicLong();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chain-checkpoints");
        t.setDaemon(true);
        return t;
    });

    Checkpointer(CheckpointTable table, CheckpointPublisher publisher, StoredEvents events, EventSeals seals,
                 ChainKeys keys, Clock clock, MeterRegistry meters,
                 @Value("${caitien.chain.checkpoint-interval:PT5M}") Duration interval,
                 @Value("${caitien.chain.checkpoint-retry:PT30S}") Duration retry) {
        this.table = table;
        this.publisher = publisher;
        this.events = events;
        this.seals = seals;
        this.signingKeys = keys.signingKeys();
        this.keyId = KeyFiles.keyId(signingKeys.getPublic());
        this.clock = clock;
        this.interval = interval;
        this.retry = retry;
        Gauge.builder("caitien.chain.checkpoints.unpublished", unpublished, AtomicLong::get)
                .description("signed checkpoints Kafka has not acknowledged yet").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.scheduleWithFixedDelay(() -> safely("periodic", this::checkpointMovedPlans), interval.toMillis(),
                interval.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(() -> safely("retry", this::publishPending), retry.toMillis(), retry.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Called once a ReportSubmitted event (the plan's event at {@code sequence}) has committed. */
    void reportSubmitted(String planId, long sequence, String hash) {
        thread.execute(() -> safely("report", () -> take(planId, sequence, hash, ChainCheckpoint.REPORT_SUBMITTED)));
    }

    /** A periodic checkpoint of every plan whose head moved since its last one; how many were taken. */
    int checkpointMovedPlans() {
        int taken = 0;
        for (CheckpointTable.Head head : table.movedSinceLastCheckpoint()) {
            byte[] metaData = events.metaDataOf(head.planId(), head.sequence());
            EventSeals.State seal = seals.check(metaData);
            if (seal == EventSeals.State.VALID) {
                if (take(head.planId(), head.sequence(), StoredEvents.hashIn(metaData), ChainCheckpoint.PERIODIC)) taken++;
            } else if (seal == EventSeals.State.INVALID) {
                log.error("Sự kiện cuối (số {}) của kế hoạch {} không mang niêm phong hợp lệ: không lập điểm kiểm; "
                        + "chạy kiểm chứng chuỗi băm của kế hoạch này", head.sequence(), head.planId());
            }
            // MISSING: stored before events were sealed; anchored once the plan's next (sealed) event is stored.
        }
        publishPending();
        return taken;
    }

    /** Sends again what Kafka has not acknowledged, oldest first. */
    void publishPending() {
        for (CheckpointTable.Pending pending : table.unpublished(PUBLISH_BATCH)) {
            if (!publisher.publish(pending.checkpoint())) break;
            table.published(pending.id(), clock.instant());
        }
        unpublished.set(table.unpublishedCount());
    }

    private boolean take(String planId, long sequence, String hash, String reason) {
        ChainCheckpoint checkpoint = new ChainCheckpoint(planId, sequence, hash,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), reason, null, null)
                .signedWith(signingKeys.getPrivate(), keyId);
        Long id = table.insert(checkpoint);
        if (id == null) return false;
        if (publisher.publish(checkpoint)) {
            table.published(id, clock.instant());
        } else {
            unpublished.incrementAndGet();
        }
        return true;
    }

    private static void safely(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Lập điểm kiểm chuỗi băm ({}) thất bại; lần sau thử lại", what, e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
