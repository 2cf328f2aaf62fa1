package vn.caitien.monitoring.rebuild;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.caitien.api.chain.ChainLink;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.plan.PlanEvent;
import vn.caitien.readmodel.EventContext;
import vn.caitien.readmodel.EventRefused;
import vn.caitien.readmodel.PlanRows;

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
 * began with a consumer of its own, decodes each record as the live path's converter does ({@link DecodingPipeline}), applies the
 * events in memory through the read model's evolve function ({@link ReplayedPlans}) and writes the
 * resulting rows in one transaction ({@link ReadModelWriter}). Throws {@link Refused} when a record cannot be applied this
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
     * @param records records read (the topic's records up to the captured end)
     * @param applied events applied (records less duplicates and skipped ones)
     * @param timings how long reading and writing took, for the log
     */
    record Outcome(long records, long applied, long duplicates, long skipped, Set<String> planIds,
                   ReadModelWriter.Written written, String timings) {
    }

    Outcome run(Map<TopicPartition, Long> end, Progress progress) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        long started = System.nanoTime();
        try (SpilledContents contents = new SpilledContents(); DecodingPipeline decoding = new DecodingPipeline(threads, seal)) {
            ReplayedPlans plans = new ReplayedPlans(contents);
            long expected = end.values().stream().mapToLong(Long::longValue).sum();
            AppliedEvents applied = new AppliedEvents((int) Math.min(expected, 1 << 20));
            long[] counts = new long[2];
            DecodingPipeline.Sink apply = decoded -> {
                if (decoded.event() == null) return;
                if (apply(decoded, applied, plans)) counts[1]++;
                else counts[0]++;
            };
            long records = read(end, progress, record -> decoding.add(record, apply));
            decoding.finish(apply);
            long read = System.nanoTime();
            progress.writing(plans.planCount(), plans.itemCount());
            ReadModelWriter.Written written;
            try {
                written = writer.write(plans, applied, end);
            } catch (ReadModelWriter.WriteFailed failed) {
                if (failed.refusedTheRows()) throw new Refused("cơ sở dữ liệu từ chối: " + failed.getMessage(), -1, -1);
                throw failed;
            }
            Set<String> planIds = new LinkedHashSet<>();
            for (PlanRows plan : plans.plans()) planIds.add(plan.plan().planId());
            String timings = String.format("đọc và áp dụng %d ms, ghi %d ms, nội dung tạm %,d byte", (read - started) / 1_000_000,
                    (System.nanoTime() - read) / 1_000_000, contents.size());
            return new Outcome(records, counts[1], counts[0], decoding.skipped(), planIds, written, timings);
        }
    }

    /**
     * Applies one decoded event as the live path would: refused where it would park it (not sealed by
     * plan-service, not extending its plan's chain, refused by the read model), skipped (false) when its
     * id was applied before.
     */
    private static boolean apply(DecodingPipeline.Decoded decoded, AppliedEvents applied, ReplayedPlans plans) {
        DecodedEvent event = decoded.event();
        String subject = event.subject();
        long sequence = event.sequence();
        try {
            if (decoded.id().problem() != null) throw new Refused(decoded.id().problem(), decoded.partition(), decoded.offset());
            if (!TopicSeal.VALID.equals(decoded.seal())) {
                throw new Refused(ChainLink.notSealed(subject, sequence, String.valueOf(decoded.seal())).reason(),
                        decoded.partition(), decoded.offset());
            }
            if (!applied.admit(subject, sequence, decoded.id(), event.previousHash(), event.hash())) return false;
            if (!(event.payload() instanceof PlanEvent payload)) throw new EventRefused("không phải sự kiện của kế hoạch");
            plans.apply(payload, new EventContext(event.time(), event.actor(), sequence), decoded.content());
            return true;
        } catch (Refused refused) {
            throw refused;
        } catch (RuntimeException e) {
            String why = e instanceof EventRefused || e instanceof AppliedEvents.DuplicateCheckRefused ? e.getMessage() : e.toString();
            String type = event.payload() == null ? "null" : event.payload().getClass().getSimpleName();
            throw new Refused("sự kiện " + event.id() + " (" + type + ") của kế hoạch " + subject + ": " + why,
                    decoded.partition(), decoded.offset());
        }
    }

    private interface RecordHandler {
        void handle(ConsumerRecord<String, byte[]> record);
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
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
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
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                for (TopicPartition partition : batch.partitions()) {
                    long stop = end.get(partition);
                    for (ConsumerRecord<String, byte[]> record : batch.records(partition)) {
                        if (record.offset() >= stop) break;
                        handler.handle(record);
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
