package vn.caitien.api.wire;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import vn.caitien.api.chain.ChainLink;
import vn.caitien.api.chain.TopicSeal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Plan events as plan-service publishes them, for everything else that must put plan events on Kafka
 * (tests, synthetic loads): each plan's events get the next sequence, a hash linked to the one before
 * ({@link ChainLink#standInHash}) and the topic seal, so the read services accept them.
 */
public final class ChainedRecords {
    private final CloudEventsConverter converter;
    private final Map<String, ChainLink.Head> heads = new HashMap<>();

    public ChainedRecords(TopicSeal seal) {
        this.converter = new CloudEventsConverter(seal);
    }

    /** The plan's next event, recorded now, with a new id. */
    public ProducerRecord<String, byte[]> next(String topic, String planId, Object payload, Map<String, ?> metadata) {
        return next(topic, planId, payload, metadata, UUID.randomUUID().toString(), Instant.now());
    }

    /** The plan's next event as a sealed record of {@code topic}, keyed by plan id. */
    public synchronized ProducerRecord<String, byte[]> next(String topic, String planId, Object payload,
                                                            Map<String, ?> metadata, String eventId, Instant at) {
        ChainLink.Head last = heads.get(planId);
        long sequence = last == null ? 0 : last.sequence() + 1;
        String previous = last == null ? ChainLink.GENESIS : last.hash();
        String hash = ChainLink.standInHash(previous, eventId);
        MetaData linked = MetaData.from(metadata).and(ChainLink.PREVIOUS_HASH_KEY, previous).and(ChainLink.HASH_KEY, hash);
        ProducerRecord<String, byte[]> record = converter.createKafkaMessage(new GenericDomainEventMessage<>(
                CloudEventsConverter.AGGREGATE_TYPE, planId, sequence, payload, linked, eventId, at), topic);
        heads.put(planId, new ChainLink.Head(sequence, hash));
        return record;
    }

    /** The plan's last event made here, or null. */
    public synchronized ChainLink.Head head(String planId) { return heads.get(planId); }
}
