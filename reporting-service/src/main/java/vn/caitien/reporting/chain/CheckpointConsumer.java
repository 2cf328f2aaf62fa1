package vn.caitien.reporting.chain;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the checkpoints topic into {@link Checkpoints} on a thread of its own. Its position (the next
 * offset of each partition) is stored in table checkpoint_offset in the same transaction as the rows, so
 * a record is kept once whatever fails; no consumer group is involved. A topic not yet there is waited for.
 */
@Component
@ConditionalOnProperty(name = "caitien.checkpoints.enabled", havingValue = "true", matchIfMissing = true)
public class CheckpointConsumer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CheckpointConsumer.class);
    private static final Duration PAUSE = Duration.ofSeconds(2);
    private final String bootstrapServers;
    private final String topic;
    private final Checkpoints checkpoints;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private volatile boolean running;
    private Thread thread;

    public CheckpointConsumer(@Value("${axon.kafka.bootstrap-servers}") String bootstrapServers,
                              @Value("${caitien.checkpoints.topic:caitien.plan.checkpoints}") String topic,
                              Checkpoints checkpoints, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "reporting-checkpoints");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() { return running; }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                if (!assign(consumer)) {
                    sleep();
                    continue;
                }
                while (running) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    if (records.isEmpty()) continue;
                    transaction.executeWithoutResult(status -> keep(records));
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                return;
            } catch (RuntimeException e) {
                // Nothing of the failed poll was committed: read again from the stored positions.
                if (running) log.warn("Đọc điểm kiểm bị gián đoạn, đọc lại sau {} s: {}", PAUSE.toSeconds(), e.toString());
                sleep();
            }
        }
    }

    private void keep(ConsumerRecords<String, byte[]> records) {
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            checkpoints.accept(record);
            next.put(record.partition(), record.offset() + 1);
        }
        next.forEach((partition, offset) -> jdbc.update("""
                insert into checkpoint_offset (topic_partition, next_offset) values (?, ?)
                on conflict (topic_partition) do update set next_offset = excluded.next_offset""", partition, offset));
    }

    /** Every partition of the topic, from the stored positions; false while the topic does not exist. */
    private boolean assign(KafkaConsumer<String, byte[]> consumer) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        if (partitions == null || partitions.isEmpty()) return false;
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        Map<Integer, Long> stored = new HashMap<>();
        jdbc.query("select topic_partition, next_offset from checkpoint_offset",
                rs -> { stored.put(rs.getInt(1), rs.getLong(2)); });
        for (TopicPartition partition : assigned) {
            Long offset = stored.get(partition.partition());
            if (offset == null) consumer.seekToBeginning(List.of(partition));
            else consumer.seek(partition, offset);
        }
        return true;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "reporting-checkpoints", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void sleep() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
