package vn.caitien.monitoring.live;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import vn.caitien.api.wire.WireJson;
import vn.caitien.monitoring.progress.PlanProgress;
import vn.caitien.monitoring.progress.PlanProgressService;
import vn.caitien.monitoring.progress.PlanSummary;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes each changed plan's summary to the compacted topic caitien.plan.progress, keyed by
 * plan id, so district systems can keep the latest standing of every plan without replaying events.
 * The topic is derived data: a failed send is logged, and the next change or a rebuild sends again.
 */
@Component
public class ProgressPublisher implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ProgressPublisher.class);
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final PlanProgressService progress;

    public ProgressPublisher(@Value("${axon.kafka.bootstrap-servers}") String bootstrap,
                             @Value("${caitien.progress-topic:caitien.plan.progress}") String topic,
                             PlanProgressService progress) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "monitoring-progress", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.progress = progress;
    }

    @EventListener
    public void on(ChangedPlans changes) {
        for (String planId : changes.planIds()) publish(planId);
    }

    private void publish(String planId) {
        Optional<PlanSummary> summary = progress.plan(planId).map(PlanProgress::summary);
        if (summary.isEmpty()) return;
        try {
            producer.send(new ProducerRecord<>(topic, planId, WireJson.mapper().writeValueAsBytes(summary.get())),
                    (meta, error) -> {
                        if (error != null) log.warn("Chưa gửi được tóm tắt tiến độ {}: {}", planId, error.toString());
                    });
        } catch (Exception e) {
            log.warn("Chưa gửi được tóm tắt tiến độ {}: {}", planId, e.toString());
        }
    }

    @Override
    public void destroy() { producer.close(Duration.ofSeconds(3)); }
}
