package vn.caitien.monitoring.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How far the processor has read the plan events topic, and how far the topic goes: the basis of
 * consumer lag and of rebuild progress.
 */
@Component
public class TopicPositions implements DisposableBean {
    private final Admin admin;
    private final String topic;
    private final EventProcessingConfiguration processing;

    public TopicPositions(@Value("${axon.kafka.bootstrap-servers}") String bootstrap,
                          @Value("${axon.kafka.default-topic}") String topic, EventProcessingConfiguration processing) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "monitoring-positions",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000));
        this.topic = topic;
        this.processing = processing;
    }

    /** Records in the topic: the sum over partitions of the end offset (the topic is never truncated). */
    public long endOffsetTotal() throws Exception {
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(java.util.List.of(topic)).allTopicNames()
                .get(5, TimeUnit.SECONDS).get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    /** Records the processor has read: for each partition, the last offset read plus one. */
    public long consumedTotal() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        processor().ifPresent(p -> p.processingStatus().values().stream()
                .map(EventTrackerStatus::getTrackingToken)
                // During a rebuild the position is wrapped in a ReplayToken; its lower bound is where we are.
                .map(t -> t == null ? null : WrappedToken.unwrapLowerBound(t))
                .filter(KafkaTrackingToken.class::isInstance)
                .map(KafkaTrackingToken.class::cast)
                .forEach(token -> token.getPositions().forEach((tp, offset) -> positions.merge(tp, offset + 1, Math::max))));
        return positions.values().stream().mapToLong(Long::longValue).sum();
    }

    public Optional<TrackingEventProcessor> processor() {
        return processing.eventProcessor(ConsumerConfiguration.PROCESSOR, TrackingEventProcessor.class);
    }

    public Duration timeout() { return Duration.ofSeconds(5); }

    @Override
    public void destroy() { admin.close(Duration.ofSeconds(2)); }
}
