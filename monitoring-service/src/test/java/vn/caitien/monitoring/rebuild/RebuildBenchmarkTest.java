package vn.caitien.monitoring.rebuild;

import org.junit.jupiter.api.Tag;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.infra.SharedTestStack;
import vn.caitien.infra.synthetic.SyntheticData;
import vn.caitien.readside.lag.TopicPositions;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how fast the bulk rebuild folds a synthetic school year (SyntheticData, the benchmark's
 * generator) and how much heap its state takes; asserts only that every event landed. A service of its
 * own on a topic and schema of its own, so the other tests' read model is left alone.
 * {@code -Dcaitien.rebuild.bench.events=1000000} for the size.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RebuildBenchmarkTest {
    static final String TOPIC = "caitien.bench.rebuild";
    static final int EVENTS = Integer.getInteger("caitien.rebuild.bench.events", 200_000);
    static int plans;
    static long items;
    static long events;
    @Autowired
    BulkReplay bulk;
    @Autowired
    TopicPositions positions;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownSchemaAndTopic(DynamicPropertyRegistry registry) {
        SharedTestStack.serviceProperties("monitoring_bench").forEach(registry::add);
        registry.add("spring.flyway.schemas", () -> "monitoring_bench");
        registry.add("axon.kafka.default-topic", () -> TOPIC);
        registry.add("caitien.progress-topic", () -> "caitien.bench.progress");
    }

    @BeforeAll
    static void publishASchoolYear() throws Exception {
        String bootstrap = SharedTestStack.stack().kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1), new NewTopic("caitien.bench.progress", 3, (short) 1)))
                    .all().get();
        }
        SyntheticData data = new SyntheticData(7, 1_000_000, 0, 6, 14);
        TopicSeal seal = SharedTestStack.keys().topicSeal();
        long started = System.nanoTime();
        List<ProducerRecord<String, byte[]>> chunk = new ArrayList<>();
        for (int i = 0; events < EVENTS; i++) {
            SyntheticData.SyntheticPlan plan = data.plan(i);
            plans++;
            items += plan.items().size();
            for (SyntheticData.WireEvent event : plan.cloudEvents()) {
                chunk.add(event.record(TOPIC, seal));
                events++;
            }
            if (chunk.size() >= 10_000 || events >= EVENTS) {
                sendAll(bootstrap, chunk);
                chunk.clear();
            }
        }
        System.out.printf("Dựng lại (đo): đã gửi %,d sự kiện của %,d kế hoạch, %,d nội dung trong %.1f s%n", events, plans,
                items, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Sends the records, and again on a fresh producer those Kafka did not take. Twice in full builds one
     * batch of this bulk send was never acknowledged (expired after 2 and after 10 minutes) while the rest
     * were: with one request in flight per partition a lost batch holds back the ones after it, so what
     * failed is each partition's tail and resending it keeps every plan's events in order.
     */
    private static void sendAll(String bootstrap, List<ProducerRecord<String, byte[]>> records) throws Exception {
        List<ProducerRecord<String, byte[]>> pending = records;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<ProducerRecord<String, byte[]>> refused = Collections.synchronizedList(new ArrayList<>());
            AtomicReference<Exception> cause = new AtomicReference<>();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                    ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                    ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000),
                    new StringSerializer(), new ByteArraySerializer())) {
                for (ProducerRecord<String, byte[]> record : pending) {
                    producer.send(record, (metadata, error) -> {
                        if (error == null) return;
                        refused.add(record);
                        cause.compareAndSet(null, error);
                    });
                }
                producer.flush();
            }
            if (refused.isEmpty()) return;
            if (attempt == 3) throw new IllegalStateException("Kafka không nhận đủ sự kiện", cause.get());
            System.out.printf("Dựng lại (đo): Kafka chưa nhận %,d bản ghi (%s), gửi lại%n", refused.size(), cause.get());
            List<ProducerRecord<String, byte[]>> inOrder = new ArrayList<>(pending);
            inOrder.retainAll(new java.util.HashSet<>(refused));
            pending = inOrder;
        }
    }

    @Test
    void foldsASchoolYearAndPrintsTheRate() throws Exception {
        TrackingEventProcessor processor = positions.processor().orElseThrow();
        processor.shutDown();
        Map<TopicPartition, Long> end = positions.endOffsets();
        // First with the marks of the few events the live processor applied, then as a rebuild usually
        // runs: after the live path has applied (and marked) every event.
        for (String run : List.of("lần đầu", "lần hai")) {
            BulkReplay.Outcome outcome = measure(run, end);
            assertThat(outcome.records()).isEqualTo(events);
            assertThat(outcome.applied()).isEqualTo(events);
            assertThat(jdbc.queryForObject("select count(*) from plan_progress", Long.class)).isEqualTo(plans);
            assertThat(jdbc.queryForObject("select count(*) from item_progress", Long.class)).isEqualTo(items);
            assertThat(jdbc.queryForObject("select count(*) from processed_event", Long.class)).isEqualTo(events);
            // The first run adds most marks with the primary key set aside: it is back.
            assertThat(jdbc.queryForList("select pg_get_constraintdef(oid) from pg_constraint where contype = 'p' "
                    + "and conrelid = 'processed_event'::regclass", String.class))
                    .containsExactly("PRIMARY KEY (processor_name, event_id)");
        }
        processor.start();
    }

    private BulkReplay.Outcome measure(String run, Map<TopicPartition, Long> end) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] heapOfState = new long[1];
        long[] readNanos = new long[2];
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        BulkReplay.Outcome outcome = bulk.run(end, new BulkReplay.Progress() {
            @Override
            public void reading(long done, long total) {
            }

            @Override
            public void writing(int plans, long items) {
                readNanos[0] = System.nanoTime() - started;
                readNanos[1] = threads.getCurrentThreadCpuTime() - cpuStarted;
                heapOfState[0] = usedHeapAfterGc();
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        // What the fold held when it had read everything: live then, garbage once the rows are written.
        heapOfState[0] -= usedHeapAfterGc();
        double read = readNanos[0] / 1e9;
        System.out.printf("Dựng lại (đo, %s): %,d sự kiện trong %.2f s = %,.0f sự kiện/s (đọc và gộp %.2f s = %,.0f sự kiện/s, "
                        + "ghi %.2f s; CPU của luồng dựng lại %.2f s, trong đó đọc và gộp %.2f s); trạng thái trong heap ≈ %,d MB "
                        + "(%,d byte/sự kiện); ghi: %s%n",
                run, outcome.records(), seconds, outcome.records() / seconds, read, outcome.records() / read, seconds - read,
                cpu, readNanos[1] / 1e9, heapOfState[0] >> 20, heapOfState[0] / Math.max(1, outcome.records()),
                outcome.written().timings());
        return outcome;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
