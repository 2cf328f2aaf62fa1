package vn.caitien.monitoring.rebuild;

import org.apache.kafka.common.header.Headers;
import vn.caitien.api.chain.TopicSeal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes records on worker threads while the caller folds the ones already decoded: reading JSON is
 * most of a rebuild's work and needs no order, folding needs the topic's order and is cheap. Chunks
 * come back in the order they were submitted; at most a few are in flight, so memory stays bounded.
 */
final class DecodingPipeline implements AutoCloseable {
    static final int CHUNK = 128;
    private final ExecutorService workers;
    private final List<WireDecoder> decoders = new CopyOnWriteArrayList<>();
    private final ThreadLocal<WireDecoder> decoder = ThreadLocal.withInitial(() -> {
        WireDecoder d = new WireDecoder();
        decoders.add(d);
        return d;
    });
    private final Deque<Future<List<Decoded>>> inFlight = new ArrayDeque<>();
    private final int maxInFlight;
    private final TopicSeal seal;
    private List<Raw> filling = new ArrayList<>(CHUNK);

    /** A record as read. */
    record Raw(int partition, long offset, byte[] value, Headers headers) {
    }

    /**
     * A record decoded: its event and the event's id as the dedup keeps it, or nulls when the live path would
     * skip it too; and what its topic seal is ({@link TopicSeal#check}).
     */
    record Decoded(int partition, long offset, DecodedEvent event, AppliedEvents.EventId id, String seal) {
    }

    interface Sink {
        void accept(Decoded decoded);
    }

    DecodingPipeline(int threads, TopicSeal seal) {
        this.seal = seal;
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "monitoring-rebuild-decode-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        maxInFlight = threads * 2;
    }

    /** Adds a record; hands the sink, in order, whatever has been decoded meanwhile. */
    void add(int partition, long offset, byte[] value, Headers headers, Sink sink) {
        filling.add(new Raw(partition, offset, value, headers));
        if (filling.size() == CHUNK) submit(sink);
        while (!inFlight.isEmpty() && inFlight.peekFirst().isDone()) take(sink);
    }

    /** Hands the sink everything still being decoded. */
    void finish(Sink sink) {
        if (!filling.isEmpty()) submit(sink);
        while (!inFlight.isEmpty()) take(sink);
    }

    private void submit(Sink sink) {
        List<Raw> chunk = filling;
        filling = new ArrayList<>(CHUNK);
        while (inFlight.size() >= maxInFlight) take(sink);
        inFlight.addLast(workers.submit(() -> {
            WireDecoder d = decoder.get();
            List<Decoded> decoded = new ArrayList<>(chunk.size());
            for (Raw raw : chunk) {
                DecodedEvent event = d.decode(raw.value(), raw.partition(), raw.offset());
                // The seal's HMAC is checked here, on the workers, like the decoding.
                decoded.add(new Decoded(raw.partition(), raw.offset(), event,
                        event == null ? null : AppliedEvents.EventId.of(event.id()),
                        event == null ? null : seal.check(raw.headers(), raw.value())));
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

    /** Records read through the converter's tree path, over all workers. */
    long slowDecodes() { return decoders.stream().mapToLong(WireDecoder::slowDecodes).sum(); }

    /** Records skipped as the live path skips them, over all workers. */
    long skipped() { return decoders.stream().mapToLong(WireDecoder::skipped).sum(); }

    @Override
    public void close() {
        workers.shutdownNow();
        inFlight.clear();
    }
}
