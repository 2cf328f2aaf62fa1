package vn.caitien.monitoring.rebuild;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.EventMessage;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.wire.CloudEventsConverter;

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
 * topic's order. Records are read by the live path's own converter, so the rebuild sees exactly the
 * events, metadata and seal verdicts the processor sees, and skips exactly the records it skips. Chunks
 * come back in the order they were submitted; at most a few are in flight, so memory stays bounded.
 */
final class DecodingPipeline implements AutoCloseable {
    static final int CHUNK = 128;
    private final ExecutorService workers;
    private final Deque<Future<List<Decoded>>> inFlight = new ArrayDeque<>();
    private final int maxInFlight;
    private final CloudEventsConverter converter;
    private final SharedEvidenceCodes evidenceCodes = new SharedEvidenceCodes();
    private final AtomicInteger skipped = new AtomicInteger();
    private List<ConsumerRecord<String, byte[]>> filling = new ArrayList<>(CHUNK);

    /**
     * A record decoded: its event (with the seal's verdict in its metadata, {@link TopicSeal#CHECK}), the
     * event's id as the dedup keeps it, its payload with shared evidence codes and, for an item's content,
     * that content as JSON ({@link ReplayedPlans#contentOf}); or nulls when the live path skips the record.
     */
    record Decoded(int partition, long offset, EventMessage<?> event, AppliedEvents.EventId id, Object payload,
                   byte[] content) {
    }

    interface Sink {
        void accept(Decoded decoded);
    }

    DecodingPipeline(int threads, TopicSeal seal) {
        this.converter = new CloudEventsConverter(seal);
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
            List<Decoded> decoded = new ArrayList<>(chunk.size());
            for (ConsumerRecord<String, byte[]> record : chunk) {
                EventMessage<?> event = converter.readKafkaMessage(record).orElse(null);
                if (event == null) skipped.incrementAndGet();
                decoded.add(event == null ? new Decoded(record.partition(), record.offset(), null, null, null, null)
                        : new Decoded(record.partition(), record.offset(), event, AppliedEvents.EventId.of(event.getIdentifier()),
                        evidenceCodes.share(event.getPayload()), ReplayedPlans.contentOf(event.getPayload())));
            }
            return decoded;
        }));
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
