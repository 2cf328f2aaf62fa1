package vn.caitien.planservice.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import vn.caitien.api.wire.WireJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The write side without a database: chaining within one batch, from the store, and from genesis. */
class HashChainInterceptorTest {
    record Noted(String text, Integer count, String absent) {
    }

    final Serializer serializer = JacksonSerializer.builder().objectMapper(WireJson.mapper().copy()).build();
    final List<String> lookups = new ArrayList<>();
    final EventSeals seals = new EventSeals("k".repeat(32).getBytes(StandardCharsets.US_ASCII));
    final HashChainInterceptor interceptor = new HashChainInterceptor(serializer, (aggregate, sequence) -> {
        lookups.add(aggregate + "#" + sequence);
        return "stored-hash-of-" + aggregate + "#" + sequence;
    }, seals);

    /** As AbstractEventBus.intercept does it: one handle per batch, then the function in order. */
    List<EventMessage<?>> intercept(List<EventMessage<?>> batch) {
        BiFunction<Integer, EventMessage<?>, EventMessage<?>> f = interceptor.handle(batch);
        List<EventMessage<?>> out = new ArrayList<>(batch);
        for (int i = 0; i < out.size(); i++) out.set(i, f.apply(i, out.get(i)));
        return out;
    }

    static DomainEventMessage<Noted> event(String aggregate, long sequence, String text) {
        return new GenericDomainEventMessage<>("Plan", aggregate, sequence, new Noted(text, 3, null),
                Map.of("actor", "Nguyễn Thị Mai"));
    }

    @Test
    void chainsWithinTheBatchAndFromTheStore() {
        DomainEventMessage<Noted> first = event("p1", 5, "năm");
        List<EventMessage<?>> out = intercept(List.of(first, event("p1", 6, "sáu"), event("p2", 0, "không"),
                GenericEventMessage.asEventMessage("not an aggregate's")));

        assertThat(lookups).containsExactly("p1#4");
        MetaData m5 = out.get(0).getMetaData();
        MetaData m6 = out.get(1).getMetaData();
        MetaData m0 = out.get(2).getMetaData();
        assertThat(m5.get(EventContent.PREVIOUS_HASH)).isEqualTo("stored-hash-of-p1#4");
        assertThat(m6.get(EventContent.PREVIOUS_HASH)).isEqualTo(m5.get(EventContent.HASH));
        assertThat(m0.get(EventContent.PREVIOUS_HASH)).isEqualTo(EventContent.GENESIS);
        assertThat(m5.get("actor")).isEqualTo("Nguyễn Thị Mai");
        assertThat(m5.get(EventContent.SEAL)).isEqualTo(seals.sealOf((String) m5.get(EventContent.HASH)));
        assertThat(out.get(3).getMetaData()).doesNotContainKeys(EventContent.HASH, EventContent.PREVIOUS_HASH,
                EventContent.SEAL);

        DomainEventMessage<?> stamped = (DomainEventMessage<?>) out.get(0);
        assertThat(stamped.getIdentifier()).isEqualTo(first.getIdentifier());
        assertThat(stamped.getTimestamp()).isEqualTo(first.getTimestamp());
        assertThat(stamped.getSequenceNumber()).isEqualTo(5);
        assertThat(stamped.getAggregateIdentifier()).isEqualTo("p1");
    }

    @Test
    void theHashIsRecomputableFromWhatTheStorageEngineWrites() {
        for (EventMessage<?> message : intercept(List.of(event("p3", 0, "a"), event("p3", 1, "b")))) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) message;
            // What JdbcEventStorageEngine.appendEvents puts in the row:
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            String recomputed = EventContent.of(event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), payload.getType().getName(), event.getTimestamp(), payload.getData(),
                    CanonicalJson.parse(metaData.getData())).hashAfter((String) event.getMetaData().get("previousHash"));
            assertThat(recomputed).isEqualTo(event.getMetaData().get("hash"));
            assertThat(seals.check(metaData.getData())).isEqualTo(EventSeals.State.VALID);
        }
        assertThat(lookups).isEmpty();
    }

    @Test
    void reStampingAnEventReplacesItsChainKeysInsteadOfHashingThem() {
        EventMessage<?> once = intercept(List.of(event("p4", 0, "x"))).get(0);
        EventMessage<?> twice = intercept(List.of(once)).get(0);
        assertThat(twice.getMetaData()).isEqualTo(once.getMetaData());
    }

    @Test
    void aSealMadeWithAnotherKeyOrForAnotherHashIsNotValid() {
        EventMessage<?> stamped = intercept(List.of(event("p5", 0, "x"))).get(0);
        byte[] metaData = serializer.serialize(stamped.getMetaData(), byte[].class).getData();
        EventSeals forger = new EventSeals("f".repeat(32).getBytes(StandardCharsets.US_ASCII));
        assertThat(forger.check(metaData)).isEqualTo(EventSeals.State.INVALID);
        byte[] rehashed = serializer.serialize(stamped.getMetaData().and(EventContent.HASH, "ab".repeat(32)), byte[].class)
                .getData();
        assertThat(seals.check(rehashed)).isEqualTo(EventSeals.State.INVALID);
        byte[] unsealed = serializer.serialize(stamped.getMetaData().withoutKeys(java.util.Set.of(EventContent.SEAL)),
                byte[].class).getData();
        assertThat(seals.check(unsealed)).isEqualTo(EventSeals.State.MISSING);
    }
}
