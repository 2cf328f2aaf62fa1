package vn.caitien.planservice.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import vn.caitien.planservice.domain.PlanRejected;
import vn.caitien.planservice.domain.Rejection;
import vn.caitien.planservice.messaging.AfterCommit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every aggregate event, just before the event store appends it, with {@code previousHash},
 * {@code hash} (see {@link EventContent}) and {@code seal} (see {@link EventSeals}) in its metadata.
 * <p>
 * Axon calls event-bus dispatch interceptors once per unit of work, in its prepare-commit phase, with all
 * the events the unit of work is about to append, in order; then it stores exactly the messages returned
 * here. The payload and metadata are hashed as the event serializer writes them, so the hash can be
 * recomputed from the stored bytes. The previous hash comes from the previous event of the same aggregate
 * in this batch, else from the stored event at sequence − 1 (read in the command's own transaction, unless
 * {@link CommittedHashes} remembers it).
 * <p>
 * Not a Spring bean on purpose: Axon's auto-configuration would also register a
 * {@code MessageDispatchInterceptor} bean on the event gateway. {@link HashChainRegistration} registers it
 * on the event store.
 */
final class HashChainInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    /** Where the hash of an already stored event comes from: (aggregate id, sequence) → its {@code hash}. */
    @FunctionalInterface
    interface StoredHashes {
        /** The stored hash, or {@link EventContent#GENESIS} (after a warning) when that event has none. */
        String hashOf(String aggregateIdentifier, long sequenceNumber);

        /** Told, once they are committed, the hash an aggregate's last event of a batch was stored with. */
        default void committed(String aggregateIdentifier, long sequenceNumber, String hash) {
        }
    }

    private record Link(long sequenceNumber, String hash) {
    }

    /** Payload and metadata of one event, in bytes of JSON. */
    static final int MAX_EVENT_BYTES = 256 * 1024;

    private final Serializer serializer;
    private final StoredHashes storedHashes;
    private final EventSeals seals;

    HashChainInterceptor(Serializer serializer, StoredHashes storedHashes, EventSeals seals) {
        this.serializer = serializer;
        this.storedHashes = storedHashes;
        this.seals = seals;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        // Axon applies the function to the batch's messages in order, so the batch's own chain builds up here.
        Map<String, Link> lastInBatch = new HashMap<>();
        AfterCommit.run(() -> lastInBatch.forEach((aggregate, last) ->
                storedHashes.committed(aggregate, last.sequenceNumber(), last.hash())));
        return (index, message) -> message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null
                ? chain(event, lastInBatch) : message;
    }

    private DomainEventMessage<?> chain(DomainEventMessage<?> event, Map<String, Link> lastInBatch) {
        String aggregate = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        String previous = previousHash(aggregate, sequence, lastInBatch.get(aggregate));
        MetaData metaData = event.getMetaData().withoutKeys(EventContent.CHAIN_KEYS);
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        byte[] metaDataJson = serializer.serialize(metaData, byte[].class).getData();
        refuseOversized(event, payload.getData().length + metaDataJson.length);
        JsonNode metaDataTree = CanonicalJson.parse(metaDataJson);
        String hash = EventContent.of(event.getIdentifier(), aggregate, sequence, payload.getType().getName(),
                event.getTimestamp(), payload.getData(), metaDataTree).hashAfter(previous);
        lastInBatch.put(aggregate, new Link(sequence, hash));
        return event.withMetaData(metaData.mergedWith(Map.of(EventContent.PREVIOUS_HASH, previous,
                EventContent.HASH, hash, EventContent.SEAL, seals.sealOf(hash))));
    }

    /**
     * Every stored event must also fit on the Kafka topic (1 MB per record): one that did not would be
     * stored and then stop the publisher for every school. The limit leaves room for the CloudEvents
     * envelope; a real plan's largest event is a few kilobytes.
     */
    private static void refuseOversized(DomainEventMessage<?> event, int bytes) {
        if (bytes <= MAX_EVENT_BYTES) return;
        throw new PlanRejected(Rejection.EVENT_TOO_LARGE, String.format(
                "Thay đổi %s dài %,d byte, vượt giới hạn %,d byte; hãy rút gọn các trường văn bản hoặc danh sách",
                event.getPayloadType().getSimpleName(), bytes, MAX_EVENT_BYTES));
    }

    private String previousHash(String aggregate, long sequence, Link lastInBatch) {
        if (sequence == 0) return EventContent.GENESIS;
        if (lastInBatch != null && lastInBatch.sequenceNumber() == sequence - 1) return lastInBatch.hash();
        return storedHashes.hashOf(aggregate, sequence - 1);
    }
}
