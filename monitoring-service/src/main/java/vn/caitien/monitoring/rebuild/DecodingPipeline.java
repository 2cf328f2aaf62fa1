package vn.caitien.monitoring.rebuild;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.api.wire.MetadataKeys;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes records on worker threads while the caller applies the ones already decoded: reading JSON
 * (and checking each record's seal) is most of a rebuild's work and needs no order, applying needs the
 * topic's order. The records plan-service writes are read by {@link WireDecoder}, which gives what the live
 * path's converter gives at a fraction of its cost; any other shape is read by the converter itself, so the
 * rebuild sees exactly the events, metadata and seal verdicts the processor sees, and skips exactly the
 * records it skips. Chunks
 * come back in the order they were submitted; at most a few are in flight, so memory stays bounded.
 */
final class DecodingPipeline implements AutoCloseable {
    static final int CHUNK = 128;
    private final ExecutorService workers;
    private final Deque<Future<List<Decoded>>> inFlight = new ArrayDeque<>();
    private final int maxInFlight;
    private final CloudEventsConverter converter;
    private final TopicSeal seal;
    private final ThreadLocal<WireDecoder> decoder;
    private final SharedEvidenceCodes evidenceCodes = new SharedEvidenceCodes();
    private final AtomicInteger skipped = new AtomicInteger();
    private List<ConsumerRecord<String, byte[]>> filling = new ArrayList<>(CHUNK);

    /**
     * A record decoded: its event (its payload with shared evidence codes), the seal's verdict
     * ({@link TopicSeal#check}, as the converter puts it under {@link TopicSeal#CHECK}), the event's id as the
     * dedup keeps it and, for an item's content, that content as JSON ({@link ReplayedPlans#contentOf}); or
     * nulls when the live path skips the record.
     */
    record Decoded(int partition, long offset, DecodedEvent event, String seal, AppliedEvents.EventId id,
                   byte[] content) {
    }

    interface Sink {
        void accept(Decoded decoded);
    }

    DecodingPipeline(int threads, TopicSeal seal) {
        this.converter = new CloudEventsConverter(seal);
        this.seal = seal;
        this.decoder = ThreadLocal.withInitial(() -> new WireDecoder(evidenceCodes::parse));
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "monitoring-rebuild-decode-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        maxInFlight = threads * 2;
    }

    /** Adds a record; hands the sink, in order, whatever has been decoded meanwhile. */
    void add(ConsumerRecord<String, byte[]> record, Sink sink) {
        filling.add(record);
        if (filling.size() == CHUNK) submit(sink);
        while (!inFlight.isEmpty() && inFlight.peekFirst().isDone()) take(sink);
    }

    /** Hands the sink everything still being decoded. */
    void finish(Sink sink) {
        if (!filling.isEmpty()) submit(sink);
        while (!inFlight.isEmpty()) take(sink);
    }

    private void submit(Sink sink) {
        List<ConsumerRecord<String, byte[]>> chunk = filling;
        filling = new ArrayList<>(CHUNK);
        while (inFlight.size() >= maxInFlight) take(sink);
        inFlight.addLast(workers.submit(() -> {
            WireDecoder fast = decoder.get();
            List<Decoded> decoded = new ArrayList<>(chunk.size());
            for (ConsumerRecord<String, byte[]> record : chunk) decoded.add(decode(fast, record));
            return decoded;
        }));
    }

    private Decoded decode(WireDecoder fast, ConsumerRecord<String, byte[]> record) {
        DecodedEvent event;
        String verdict;
        try {
            event = fast.fast(record.value());
        } catch (IOException | RuntimeException notForTheFastPath) {
            event = null;
        }
        if (event != null) {
            verdict = seal.check(record.headers(), record.value());
        } else {
            EventMessage<?> message = converter.readKafkaMessage(record).orElse(null);
            if (message == null) {
                skipped.incrementAndGet();
                return new Decoded(record.partition(), record.offset(), null, null, null, null);
            }
            event = eventOf(message);
            verdict = text(message, TopicSeal.CHECK);
        }
        Object payload = evidenceCodes.share(event.payload());
        return new Decoded(record.partition(), record.offset(), event.withPayload(payload), verdict,
                AppliedEvents.EventId.of(event.id()), ReplayedPlans.contentOf(payload));
    }

    /** What the rebuild reads of an event the converter read. */
    private static DecodedEvent eventOf(EventMessage<?> message) {
        DomainEventMessage<?> domain = (DomainEventMessage<?>) message;
        return new DecodedEvent(message.getIdentifier(), domain.getAggregateIdentifier(), domain.getSequenceNumber(),
                message.getTimestamp(), text(message, MetadataKeys.ACTOR), message.getPayload(),
                text(message, MetadataKeys.PREVIOUS_HASH), text(message, MetadataKeys.HASH));
    }

    private static String text(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private void take(Sink sink) {
        List<Decoded> decoded;
        try {
            decoded = inFlight.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Dựng lại bị dừng", e);
        } catch (ExecutionException e) {
            // An error (out of memory) stays one: the rebuild then replays event by event.
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException("Không giải mã được bản ghi", e.getCause());
        }
        for (Decoded d : decoded) sink.accept(d);
    }

    /** Records skipped as the live path skips them (unknown types, unreadable records). */
    long skipped() { return skipped.get(); }

    @Override
    public void close() {
        workers.shutdownNow();
        inFlight.clear();
    }
}
