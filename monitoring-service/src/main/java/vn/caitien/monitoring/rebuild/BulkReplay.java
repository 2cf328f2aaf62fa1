package vn.caitien.monitoring.rebuild;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.caitien.api.chain.ChainLink;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.monitoring.progress.FoldRefused;
import vn.caitien.monitoring.progress.FoldedPlan;
import vn.caitien.monitoring.progress.ProgressFold;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fast rebuild: reads the topic from its beginning up to the offsets captured when the rebuild
 * began with a consumer of its own, folds the events in memory and writes the resulting rows in one
 * transaction ({@link ReadModelWriter}). Throws {@link Refused} when a record cannot be applied this
 * way — among them every record the live path would park: without plan-service's topic seal, or not
 * extending its plan's chain; the caller then replays event by event, which parks them.
 */
@Component
class BulkReplay {
    /** A partition that gives nothing for this long while records wait on it means Kafka is not answering. */
    static final Duration STALL = Duration.ofSeconds(60);
    private final String bootstrapServers;
    private final ReadModelWriter writer;
    private final TopicSeal seal;

    BulkReplay(@Value("${axon.kafka.bootstrap-servers}") String bootstrapServers, ReadModelWriter writer, TopicSeal seal) {
        this.bootstrapServers = bootstrapServers;
        this.writer = writer;
        this.seal = seal;
    }

    /** Told as the rebuild goes. */
    interface Progress {
        void reading(long done, long total);

        void writing(int plans, long items);
    }

    /**
     * What a bulk rebuild did.
     *
     * @param records     records read (the topic's records up to the captured end)
     * @param applied     events applied (records less duplicates and skipped ones)
     * @param slowDecodes records read through the converter's tree path
     */
    record Outcome(long records, long applied, long duplicates, long skipped, long slowDecodes, Set<String> planIds,
                   ReadModelWriter.Written written, long detailsBytes) {
    }

    Outcome run(Map<TopicPartition, Long> end, Progress progress) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        try (SpilledDetails details = new SpilledDetails(); DecodingPipeline decoding = new DecodingPipeline(threads, seal)) {
            ProgressFold fold = new ProgressFold(details);
            long expected = end.values().stream().mapToLong(Long::longValue).sum();
            AppliedEvents applied = new AppliedEvents((int) Math.min(expected, 1 << 20));
            long[] counts = new long[2];
            DecodingPipeline.Sink apply = decoded -> {
                DecodedEvent event = decoded.event();
                if (event == null) return;
                int partition = decoded.partition();
                long offset = decoded.offset();
                try {
                    if (decoded.id().problem() != null) throw new Refused(decoded.id().problem(), partition, offset);
                    // Not plan-service's, or not extending its plan's chain: the live path parks it, so the replay must.
                    if (!TopicSeal.VALID.equals(decoded.seal())) {
                        throw new Refused(ChainLink.notSealed(event.subject(), event.sequence(), decoded.seal()).reason(),
                                partition, offset);
                    }
                    if (!applied.admit(event.subject(), event.sequence(), decoded.id(), event.previousHash(), event.hash())) {
                        counts[0]++;
                        return;
                    }
                    fold.apply(event.payload(), event.time(), event.actor());
                    counts[1]++;
                } catch (Refused refused) {
                    throw refused;
                } catch (RuntimeException e) {
                    String why = e instanceof FoldRefused || e instanceof AppliedEvents.DuplicateCheckRefused
                            ? e.getMessage() : e.toString();
                    throw new Refused("sự kiện " + event.id() + " (" + (event.payload() == null ? "không có dữ liệu"
                            : event.payload().getClass().getSimpleName())
                            + ") của kế hoạch " + event.subject() + ": " + why, partition, offset);
                }
            };
            long records = read(end, progress, (partition, offset, value, headers) -> decoding.add(partition, offset, value, headers, apply));
            decoding.finish(apply);
            progress.writing(fold.planCount(), fold.itemCount());
            ReadModelWriter.Written written;
            try {
                written = writer.write(fold, applied, end);
            } catch (ReadModelWriter.WriteFailed failed) {
                if (failed.refusedTheRows()) throw new Refused("cơ sở dữ liệu từ chối: " + failed.getMessage(), -1, -1);
                throw failed;
            }
            Set<String> planIds = new LinkedHashSet<>();
            for (FoldedPlan plan : fold.plans()) planIds.add(plan.planId());
            return new Outcome(records, counts[1], counts[0], decoding.skipped(), decoding.slowDecodes(), planIds,
                    written, details.size());
        }
    }

    private interface RecordHandler {
        void handle(int partition, long offset, byte[] value, Headers headers);
    }

    /** Reads every partition from its beginning to its captured end, in offset order; answers records read. */
    private long read(Map<TopicPartition, Long> end, Progress progress, RecordHandler handler) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "monitoring-rebuild");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Fetches large enough to keep the decoders busy, small enough that records do not outlive a young
        // collection in a 256 MB heap (promoted garbage would cost full collections).
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * 1024 * 1024);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        settings.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
        settings.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>(end.keySet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            long total = 0;
            Set<TopicPartition> open = new HashSet<>();
            for (TopicPartition partition : partitions) {
                long from = begin.getOrDefault(partition, 0L);
                total += Math.max(0, end.get(partition) - from);
                if (end.get(partition) > from) open.add(partition);
                else consumer.pause(List.of(partition));
            }
            long records = 0;
            long lastMovement = System.nanoTime();
            while (!open.isEmpty()) {
                if (Thread.currentThread().isInterrupted()) throw new IllegalStateException("Dựng lại bị dừng");
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                for (TopicPartition partition : batch.partitions()) {
                    long stop = end.get(partition);
                    for (ConsumerRecord<byte[], byte[]> record : batch.records(partition)) {
                        if (record.offset() >= stop) break;
                        handler.handle(record.partition(), record.offset(), record.value(), record.headers());
                        records++;
                    }
                }
                long done = 0;
                for (TopicPartition partition : partitions) {
                    long position = open.contains(partition) ? consumer.position(partition) : end.get(partition);
                    if (open.contains(partition) && position >= end.get(partition)) {
                        consumer.pause(List.of(partition));
                        open.remove(partition);
                    }
                    done += Math.max(0, Math.min(position, end.get(partition)) - begin.getOrDefault(partition, 0L));
                }
                if (!batch.isEmpty()) lastMovement = System.nanoTime();
                else if (System.nanoTime() - lastMovement > STALL.toNanos()) {
                    throw new IllegalStateException("Kafka không gửi bản ghi nào trong " + STALL.toSeconds() + " s");
                }
                progress.reading(done, total);
            }
            return records;
        }
    }

    /** A record the bulk path cannot apply as the live path would: the rebuild replays event by event instead. */
    static final class Refused extends RuntimeException {
        Refused(String reason, int partition, long offset) {
            super(partition < 0 ? reason : reason + " (phân vùng " + partition + ", offset " + offset + ")", null, false, false);
        }
    }
}
