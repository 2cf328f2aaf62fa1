package vn.caitien.monitoring.rebuild;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import vn.caitien.api.plan.PlanEvent;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.api.wire.MetadataKeys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes plan events as plan-service does, with the time each event was recorded chosen by the
 * script, and lets a script send a record again (a duplicate, as at-least-once delivery does) or send
 * records plan-service never would.
 */
final class ScriptedEvents implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final CloudEventsConverter converter = new CloudEventsConverter();
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
    private final Set<String> appliedIds = new LinkedHashSet<>();
    private final String topic;

    ScriptedEvents(String bootstrapServers, String topic) {
        this.topic = topic;
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** The next event of the plan, recorded at {@code at} by {@code actor}; answers its id. */
    String publish(String planId, PlanEvent event, Instant at, String actor) {
        long sequence = sequences.merge(planId, 1L, Long::sum) - 1;
        String id = UUID.randomUUID().toString();
        MetaData metadata = MetaData.with(MetadataKeys.ACTOR, actor).and(MetadataKeys.CORRELATION_ID, "kich-ban");
        ProducerRecord<String, byte[]> record = converter.createKafkaMessage(new GenericDomainEventMessage<>(
                CloudEventsConverter.AGGREGATE_TYPE, planId, sequence, event, metadata, id, at), topic);
        send(record);
        appliedIds.add(id);
        return id;
    }

    /** The n-th record sent so far, sent again unchanged. */
    void resend(int n) { send(sent.get(n)); }

    int sentCount() { return sent.size(); }

    /** A record the live converter skips (unknown type or not JSON): no event, no mark. */
    void publishRaw(String planId, String value) {
        send(new ProducerRecord<>(topic, planId, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Ids of the events a consumer should apply (each once). */
    Set<String> appliedIds() { return appliedIds; }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
            sent.add(record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the record", e);
        }
    }

    @Override
    public void close() { producer.close(); }
}
