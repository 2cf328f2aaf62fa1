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
import vn.caitien.api.chain.ChainLink;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.wire.ChainedRecords;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.infra.SharedTestStack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
    private final ChainedRecords chained = new ChainedRecords(SharedTestStack.keys().topicSeal());
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
        String id = UUID.randomUUID().toString();
        MetaData metadata = MetaData.with(MetadataKeys.ACTOR, actor).and(MetadataKeys.CORRELATION_ID, "kich-ban");
        send(chained.next(topic, planId, event, metadata, id, at));
        appliedIds.add(id);
        return id;
    }

    /** An event plan-service never sealed, at {@code sequence}, linked to the plan's last event (as kcat could send it). */
    void publishUnsealed(String planId, PlanEvent event, long sequence) {
        ProducerRecord<String, byte[]> record = forged(planId, event, sequence);
        record.headers().remove(TopicSeal.HEADER);
        send(record);
    }

    /** A sealed event at a sequence of the script's choosing (a key holder reusing or skipping one). */
    void publishAt(String planId, PlanEvent event, long sequence) { send(forged(planId, event, sequence)); }

    private ProducerRecord<String, byte[]> forged(String planId, PlanEvent event, long sequence) {
        ChainLink.Head last = chained.head(planId);
        String previous = last == null ? ChainLink.GENESIS : last.hash();
        String id = UUID.randomUUID().toString();
        MetaData metadata = MetaData.with(MetadataKeys.ACTOR, "Kẻ giả mạo").and(ChainLink.PREVIOUS_HASH_KEY, previous)
                .and(ChainLink.HASH_KEY, ChainLink.standInHash(previous, id));
        return new CloudEventsConverter(SharedTestStack.keys().topicSeal()).createKafkaMessage(new GenericDomainEventMessage<>(
                CloudEventsConverter.AGGREGATE_TYPE, planId, sequence, event, metadata, id, Instant.now()), topic);
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
