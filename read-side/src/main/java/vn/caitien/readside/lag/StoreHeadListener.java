package vn.caitien.readside.lag;

import vn.caitien.api.lag.StoreHead;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.caitien.api.chain.TopicSeal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the newest {@link StoreHead} plan-service sent: one thread, one consumer assigned to the topic's single
 * partition from its last record (no consumer group, nothing committed). A record without plan-service's seal is
 * ignored and counted: whoever can write to Kafka cannot make a read service believe it is up to date.
 */
public final class StoreHeadListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreHeadListener.class);
    private static final TopicPartition PARTITION = new TopicPartition(StoreHead.TOPIC, 0);

    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicSeal seal;
    private final Thread thread;
    private volatile StoreHead latest;
    private volatile long refused;
    private volatile boolean running = true;

    public StoreHeadListener(String bootstrap, String clientId, TopicSeal seal) {
        this.seal = seal;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** The newest sealed store head received, if any. */
    public Optional<StoreHead> latest() {
        return Optional.ofNullable(latest);
    }

    /** Records on the topic that were not plan-service's (no seal, a wrong one, or unreadable). */
    public long refused() {
        return refused;
    }

    private void run() {
        try {
            poll();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void poll() {
        boolean assigned = false;
        while (running) {
            try {
                if (!assigned) assigned = assign();
                if (!assigned) {
                    Thread.sleep(1000);
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) accept(record);
            } catch (WakeupException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Kafka away or the topic not created yet: the last head grows old, which health reports.
                log.debug("Chưa đọc được vị trí kho sự kiện: {}", e.getMessage());
                assigned = false;
                sleepQuietly();
            }
        }
    }

    /** From the partition's last record: only the newest head matters. */
    private boolean assign() {
        if (consumer.partitionsFor(StoreHead.TOPIC, Duration.ofSeconds(3)).isEmpty()) return false;
        consumer.assign(List.of(PARTITION));
        long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
        consumer.seek(PARTITION, Math.max(0, end - 1));
        return true;
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        try {
            if (!seal.isSealed(record)) {
                refused++;
                return;
            }
            StoreHead head = StoreHead.fromJson(record.value());
            if (latest == null || !head.at().isBefore(latest.at())) latest = head;
        } catch (Exception e) {
            refused++;
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
