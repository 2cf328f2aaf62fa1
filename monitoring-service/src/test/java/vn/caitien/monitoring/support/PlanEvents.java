package vn.caitien.monitoring.support;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import vn.caitien.api.plan.PlanEvent;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.infra.Topics;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes plan events to the event topic exactly as plan-service does (CloudEvents JSON keyed by
 * plan id, actor in the metadata), so the service under test consumes them through its real processor.
 */
public final class PlanEvents implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final CloudEventsConverter converter = new CloudEventsConverter();
    private final Map<String, Long> sequences = new HashMap<>();
    private int published;

    public PlanEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one event of a plan by an actor ("Tổ giám sát - Nguyễn Thị Mai") and waits for the broker's ack. */
    public void publish(String planId, PlanEvent event, String actor, String actorId) {
        long sequence = sequences.merge(planId, 1L, Long::sum) - 1;
        MetaData metadata = MetaData.with(MetadataKeys.ACTOR, actor).and(MetadataKeys.ACTOR_ID, actorId)
                .and(MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString());
        GenericDomainEventMessage<PlanEvent> message = new GenericDomainEventMessage<>(CloudEventsConverter.AGGREGATE_TYPE,
                planId, sequence, event, metadata, UUID.randomUUID().toString(), Instant.now());
        try {
            producer.send(converter.createKafkaMessage(message, Topics.PLAN_EVENTS)).get();
            published++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the event", e);
        }
    }

    public int published() { return published; }

    @Override
    public void close() { producer.close(); }
}
