package vn.caitien.monitoring.support;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.messaging.MetaData;
import vn.caitien.api.plan.PlanEvent;
import vn.caitien.api.wire.ChainedRecords;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.infra.SharedTestStack;
import vn.caitien.infra.Topics;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes plan events to the event topic exactly as plan-service does (CloudEvents JSON keyed by
 * plan id, actor in the metadata, linked hashes and the topic seal), so the service under test consumes them through its real processor.
 */
public final class PlanEvents implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final ChainedRecords records = new ChainedRecords(SharedTestStack.keys().topicSeal());
    private int published;

    public PlanEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one event of a plan by an actor ("Tổ giám sát - Nguyễn Thị Mai") and waits for the broker's ack. */
    public void publish(String planId, PlanEvent event, String actor, String actorId) {
        MetaData metadata = MetaData.with(MetadataKeys.ACTOR, actor).and(MetadataKeys.ACTOR_ID, actorId)
                .and(MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString());
        try {
            producer.send(records.next(Topics.PLAN_EVENTS, planId, event, metadata)).get();
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
