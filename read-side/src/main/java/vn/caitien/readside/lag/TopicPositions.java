package vn.caitien.readside.lag;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How far a read service's processor has read the plan events topic, and how far the topic goes: the basis of
 * its consumer lag (and of monitoring's rebuild progress).
 */
public class TopicPositions implements AutoCloseable {
    private final Admin admin;
    private final String topic;
    private final String processorName;
    private final EventProcessingConfiguration processing;

    public TopicPositions(String bootstrap, String topic, String processorName, EventProcessingConfiguration processing) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, processorName + "-positions",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000));
        this.topic = topic;
        this.processorName = processorName;
        this.processing = processing;
    }

    /** Records in the topic: the sum over partitions of the end offset (the topic is never truncated). */
    public long endOffsetTotal() throws Exception {
        return endOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each partition's end offset: the offset the next record written to it will get. */
    public Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(5, TimeUnit.SECONDS).get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /**
     * Records the processor has seen: for each partition, the last offset read plus one. During and
     * after a rebuild the token is a ReplayToken; what it had seen before the reset counts as seen,
     * so lag means "new records not yet read".
     */
    public long consumedTotal() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        processor().ifPresent(p -> p.processingStatus().values().stream()
                // The public token of a replaying tracker is only its current position; the internal one
                // also holds what was seen before the reset.
                .map(status -> status instanceof TrackerStatus tracker ? tracker.getInternalTrackingToken()
                        : status.getTrackingToken())
                .flatMap(TopicPositions::kafkaTokens)
                .forEach(token -> token.getPositions().forEach((tp, offset) -> positions.merge(tp, offset + 1, Math::max))));
        return positions.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The Kafka positions inside a token, however many rebuilds have wrapped it in ReplayTokens. */
    private static Stream<KafkaTrackingToken> kafkaTokens(TrackingToken token) {
        if (token instanceof KafkaTrackingToken kafka) return Stream.of(kafka);
        if (token instanceof ReplayToken replay) {
            return Stream.concat(kafkaTokens(replay.getTokenAtReset()), kafkaTokens(replay.lowerBound()));
        }
        return Stream.empty();
    }

    public Optional<TrackingEventProcessor> processor() {
        return processing.eventProcessor(processorName, TrackingEventProcessor.class);
    }

    public Duration timeout() { return Duration.ofSeconds(5); }

    @Override
    public void close() { admin.close(Duration.ofSeconds(2)); }
}
