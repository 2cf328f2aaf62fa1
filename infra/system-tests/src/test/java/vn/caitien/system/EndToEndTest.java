package vn.caitien.system;

import vn.caitien.infra.process.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.caitien.infra.EmbeddedStack;
import vn.caitien.infra.Topics;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path on real processes: REST → plan-service's event store in PostgreSQL → Kafka →
 * monitoring-service and reporting-service projections; and a Kafka outage that loses nothing.
 */
class EndToEndTest {
    static EmbeddedStack stack;
    static ServiceProcess plan;
    static ServiceProcess monitoring;
    static ServiceProcess reporting;

    @BeforeAll
    static void system() throws Exception {
        RunningSystem system = RunningSystem.get();
        stack = system.stack;
        plan = system.plan;
        monitoring = system.monitoring;
        reporting = system.reporting;
    }

    @Test
    void aCommandReachesTheDashboardTheHistoryAndTheWire() throws Exception {
        SamplePlan sample = SamplePlan.create(plan);
        String itemId = sample.itemIds().get(0);
        long started = System.nanoTime();
        assertThat(Http.post(plan.uri("/api/plans/" + sample.planId() + "/items/" + itemId + "/progress"),
                "giamsat.mai.ldc", SamplePlan.progress("HOAN_THANH", 100, "2023-12-15")).status()).isEqualTo(201);
        JsonNode progress = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> Http.get(monitoring.uri("/api/plans/" + sample.planId() + "/progress")).body(),
                        p -> p.has("items") && "HOAN_THANH".equals(p.at("/items/0/status").asText()));
        System.out.printf("Độ trễ lệnh → bảng theo dõi: %d ms%n", (System.nanoTime() - started) / 1_000_000);

        assertThat(progress.get("planId").asText()).isEqualTo(sample.planId());
        assertThat(progress.get("items")).hasSize(3);
        assertThat(progress.at("/items/0/criterionCode").asText()).isEqualTo("1.4");
        assertThat(progress.at("/items/0/percent").asInt()).isEqualTo(100);
        assertThat(progress.at("/items/0/overdue").asBoolean()).isFalse();
        assertThat(progress.at("/items/1/overdue").asBoolean()).as("2023-2024 ended; not done").isTrue();
        assertThat(progress.at("/counts/HOAN_THANH").asInt()).isEqualTo(1);
        assertThat(progress.at("/counts/CHUA_THUC_HIEN").asInt()).isEqualTo(2);

        JsonNode history = await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(reporting.uri("/api/plans/" + sample.planId() + "/history")).body(),
                        h -> h.isArray() && h.size() == 6);
        List<String> types = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).get("sequence").asLong()).isEqualTo(i);
            assertThat(history.get(i).get("recordedAt").asText()).isNotBlank();
            types.add(history.get(i).get("type").asText());
        }
        assertThat(types).containsExactly("PlanCreated", "ActionItemAdded", "ActionItemAdded", "ActionItemAdded",
                "PlanApproved", "ProgressRecorded");
        assertThat(history.get(5).get("actor").asText()).isEqualTo("Tổ giám sát - Nguyễn Thị Mai");
        assertThat(history.get(0).get("actor").asText()).isEqualTo("Hiệu trưởng - Lưu Thuận Phong");

        List<JsonNode> wire = readTopic(sample.planId());
        assertThat(wire).hasSize(6);
        assertThat(wire.get(0).get("type").asText()).isEqualTo("vn.caitien.plan.PlanCreated");
        assertThat(wire.get(5).get("type").asText()).isEqualTo("vn.caitien.plan.ProgressRecorded");
        assertThat(wire.get(5).get("specversion").asText()).isEqualTo("1.0");
        assertThat(wire.get(5).get("actor").asText()).isEqualTo("Tổ giám sát - Nguyễn Thị Mai");
        assertThat(wire.get(5).at("/data/status").asText()).isEqualTo("HOAN_THANH");
    }

    @Test
    void anInvalidCommandIsRefusedAndStoresNothing() throws Exception {
        SamplePlan sample = SamplePlan.create(plan);
        long before = storedEvents();
        Http.Response refused = Http.post(plan.uri("/api/plans/" + sample.planId() + "/items"), "thuky.lan.ldc",
                SamplePlan.item("5.6", "Năm học 2023-2024"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("criterionCode");
        Http.Response percent = Http.post(plan.uri("/api/plans/" + sample.planId() + "/items/"
                + sample.itemIds().get(0) + "/progress"), "giamsat.mai.ldc", SamplePlan.progress("DANG_THUC_HIEN", 120, "2023-12-01"));
        assertThat(percent.status()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aKafkaOutageDelaysEventsButLosesNone() throws Exception {
        SamplePlan sample = SamplePlan.create(plan);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Http.get(monitoring.uri("/api/plans/" + sample.planId() + "/progress")).status() == 200);
        stack.kafka().stop();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    Http.get(monitoring.uri("/actuator/health")).status() == 503);
            int day = 1;
            for (String itemId : sample.itemIds()) {
                Http.Response accepted = Http.post(plan.uri("/api/plans/" + sample.planId() + "/items/" + itemId
                        + "/progress"), "giamsat.mai.ldc", SamplePlan.progress("DANG_THUC_HIEN", 50, "2024-02-0" + day++));
                assertThat(accepted.status()).as("commands succeed while Kafka is down").isEqualTo(201);
            }
        } finally {
            stack.kafka().start();
        }
        JsonNode progress = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(monitoring.uri("/api/plans/" + sample.planId() + "/progress")).body(),
                        p -> p.at("/counts/DANG_THUC_HIEN").asInt() == 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(monitoring.uri("/actuator/health")).status() == 200);
        assertThat(progress.at("/items/2/percent").asInt()).isEqualTo(50);
        JsonNode history = await().atMost(Duration.ofSeconds(60))
                .until(() -> Http.get(reporting.uri("/api/plans/" + sample.planId() + "/history")).body(),
                        h -> h.isArray() && h.size() == 8);
        for (int i = 0; i < history.size(); i++) assertThat(history.get(i).get("sequence").asLong()).isEqualTo(i);
    }

    private static long storedEvents() throws Exception {
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl("caitien", "plan"), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Reads the plan's records straight off the topic with a plain consumer: no Java types needed. */
    private static List<JsonNode> readTopic(String planId) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> mine = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PLAN_EVENTS));
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline && mine.size() < 6) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!planId.equals(record.key())) continue;
                    assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                            .startsWith("application/cloudevents+json");
                    mine.add(Http.json(record.value()));
                }
            }
        }
        mine.sort((a, b) -> Long.compare(a.get("sequence").asLong(), b.get("sequence").asLong()));
        return mine;
    }
}
