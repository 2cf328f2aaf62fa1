package vn.caitien.planservice.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import vn.caitien.infra.SharedTestStack;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.infra.Topics;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.PlanBodies;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.TestStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored by a burst of concurrent commands reach the topic — published in batches, acknowledged
 * once per batch — each exactly once, in the plan's order, as CloudEvents keyed by plan id.
 */
class KafkaPublishingTest extends ApiTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PLAN = PlanBodies.PLAN;
    static final String ITEM = """
            {"criterionCode": "3.4", "targetResult": "Đủ phòng học", "tasks": ["Sửa chữa"], "lead": "Hiệu trưởng"}""";
    static final String PROGRESS = "{\"status\": \"DANG_THUC_HIEN\", \"percent\": %d, \"effectiveDate\": \"2023-10-%02d\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBurstOfCommandsReachesTheTopicOnceEachInThePlansOrder() throws Exception {
        try (KafkaConsumer<String, String> topic = tailFromNow()) {
            Api api = new Api(port);
            List<String> plans = new ArrayList<>(), items = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                String[] planAndItem = planWithItem(api);
                plans.add(planAndItem[0]);
                items.add(planAndItem[1]);
            }
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int n = i;
                String plan = plans.get(n % 3), item = items.get(n % 3);
                sent.add(clients.submit(() -> {
                    String path = "/api/plans/" + plan + "/items/" + item + "/progress";
                    Api.Response r = api.send("POST", path, PROGRESS.formatted(n + 1, 1 + n % 28), tokenFor(path));
                    return r.status() + " " + r.body();
                }));
            }
            for (Future<String> f : sent) assertThat(f.get()).startsWith("201 ");
            clients.shutdown();

            List<String> stored = jdbc.queryForList("""
                    select event_identifier from domain_event_entry where aggregate_identifier in (?, ?, ?)
                    order by global_index""", String.class, plans.toArray());
            assertThat(stored).hasSize(3 * 3 + 60);
            List<JsonNode> published = readUntil(topic, plans, stored.size(), Duration.ofSeconds(60));

            assertThat(published).extracting(e -> e.path("id").asText()).containsExactlyInAnyOrderElementsOf(stored);
            for (String plan : plans) {
                List<Long> sequences = published.stream().filter(e -> plan.equals(e.path("subject").asText()))
                        .map(e -> e.path("sequence").asLong()).toList();
                assertThat(sequences).as("order of plan %s on the topic", plan)
                        .isEqualTo(IntStream.range(0, sequences.size()).mapToObj(Long::valueOf).toList());
            }
        }
    }

    private String[] planWithItem(Api api) throws Exception {
        Api.Response created = api.send("POST", "/api/plans", PLAN, tokenFor("/api/plans"));
        assertThat(created.status()).isEqualTo(201);
        String plan = created.body().get("id").asText();
        Api.Response item = api.send("POST", "/api/plans/" + plan + "/items", ITEM, tokenFor("/api/plans"));
        assertThat(item.status()).isEqualTo(201);
        assertThat(api.send("POST", "/api/plans/" + plan + "/approve", "{}", tokenFor("/api/plans")).status()).isEqualTo(200);
        return new String[]{plan, item.body().get("id").asText()};
    }

    private static KafkaConsumer<String, String> tailFromNow() {
        Properties p = new Properties();
        p.put("bootstrap.servers", TestStack.get().kafka().bootstrapServers());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, Topics.PARTITIONS)
                .mapToObj(i -> new TopicPartition(Topics.PLAN_EVENTS, i)).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** The plans' records, in topic order, until {@code expected} arrived and a further second brought no more. */
    private static List<JsonNode> readUntil(KafkaConsumer<String, String> topic, List<String> plans, int expected,
                                            Duration timeout) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietUntil = Long.MAX_VALUE;
        while (System.nanoTime() < deadline && System.nanoTime() < quietUntil) {
            for (ConsumerRecord<String, String> r : topic.poll(Duration.ofMillis(200))) {
                if (!plans.contains(r.key())) continue;
                records.add(JSON.readTree(r.value()));
                assertThat(records.get(records.size() - 1).path("subject").asText()).isEqualTo(r.key());
                // The read services refuse records without plan-service's seal.
                assertThat(SharedTestStack.keys().topicSeal().isSealed(r.headers(), r.value().getBytes(StandardCharsets.UTF_8)))
                        .as("topic seal of %s", r.key()).isTrue();
            }
            if (records.size() >= expected && quietUntil == Long.MAX_VALUE) {
                quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            }
        }
        return records;
    }
}
