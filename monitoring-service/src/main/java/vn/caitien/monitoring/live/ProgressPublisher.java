package vn.caitien.monitoring.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.caitien.api.wire.WireJson;
import vn.caitien.monitoring.progress.PlanProgressService;
import vn.caitien.monitoring.progress.PlanSummary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes each changed plan's summary to the compacted topic caitien.plan.progress, keyed by
 * plan id, so district systems can keep the latest standing of every plan without replaying events.
 * <p>
 * Changed plans are gathered and published by a thread of its own, a batch of plans read with three
 * queries: reading each plan's summary on the projection's thread after every batch of events cost
 * more than applying the events, and under a steady load made the read model fall behind. A plan
 * changed again before its summary went out is published once, with its newest standing. The topic is
 * derived data: when the read model cannot be read the plans wait and are tried again; a failed send is
 * logged, and the next change or a rebuild sends again.
 */
@Component
public class ProgressPublisher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ProgressPublisher.class);
    /** Plans read and sent together at most. */
    static final int MOST_AT_ONCE = 500;
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final PlanProgressService progress;
    private final Duration gather;
    /** Plans changed and not yet published, oldest first; guarded by itself. */
    private final Set<String> pending = new LinkedHashSet<>();
    private volatile Thread worker;

    public ProgressPublisher(@Value("${axon.kafka.bootstrap-servers}") String bootstrap,
                             @Value("${caitien.progress-topic:caitien.plan.progress}") String topic,
                             @Value("${caitien.progress-summaries.gather:200ms}") Duration gather,
                             PlanProgressService progress, MeterRegistry meters) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "monitoring-progress", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.gather = gather;
        this.progress = progress;
        Gauge.builder("caitien.progress.summaries.pending", pending, p -> { synchronized (p) { return p.size(); } })
                .description("Plans whose changed summary is waiting to be published to the progress topic")
                .register(meters);
    }

    @EventListener
    public void on(ChangedPlans changes) {
        synchronized (pending) {
            pending.addAll(changes.planIds());
            pending.notifyAll();
        }
    }

    private void publishWhatChanges() {
        boolean failing = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                synchronized (pending) {
                    while (pending.isEmpty()) pending.wait();
                }
                // A burst of batches changes the same plans again and again: let it gather, then read once.
                Thread.sleep(failing ? Math.max(1000, gather.toMillis()) : gather.toMillis());
                failing = !publish(take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private List<String> take() {
        synchronized (pending) {
            List<String> batch = new ArrayList<>(Math.min(MOST_AT_ONCE, pending.size()));
            for (Iterator<String> it = pending.iterator(); it.hasNext() && batch.size() < MOST_AT_ONCE; ) {
                batch.add(it.next());
                it.remove();
            }
            return batch;
        }
    }

    /** Reads and sends these plans' summaries; when they cannot be read, puts them back and answers false. */
    private boolean publish(List<String> planIds) {
        List<PlanSummary> summaries;
        try {
            summaries = progress.summariesOf(planIds);
        } catch (RuntimeException e) {
            synchronized (pending) {
                pending.addAll(planIds);
            }
            log.warn("Chưa đọc được tóm tắt tiến độ của {} kế hoạch, sẽ thử lại: {}", planIds.size(), e.toString());
            return false;
        }
        for (PlanSummary summary : summaries) send(summary);
        return true;
    }

    private void send(PlanSummary summary) {
        try {
            producer.send(new ProducerRecord<>(topic, summary.planId(), WireJson.mapper().writeValueAsBytes(summary)),
                    (meta, error) -> {
                        if (error != null) log.warn("Chưa gửi được tóm tắt tiến độ {}: {}", summary.planId(), error.toString());
                    });
        } catch (Exception e) {
            log.warn("Chưa gửi được tóm tắt tiến độ {}: {}", summary.planId(), e.toString());
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::publishWhatChanges, "monitoring-progress-summaries");
        thread.setDaemon(true);
        thread.start();
        worker = thread;
    }

    /** Stops gathering and sends what is still waiting, while the read model and Kafka are still there. */
    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (List<String> rest = take(); !rest.isEmpty() && publish(rest); rest = take()) {
            // Every plan still waiting, a batch at a time.
        }
        producer.close(Duration.ofSeconds(3));
    }

    @Override
    public boolean isRunning() { return worker != null; }

    /** Starts before and stops after the projection that announces changes (and before the data source goes). */
    @Override
    public int getPhase() { return 0; }
}
