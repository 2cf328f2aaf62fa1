package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.caitien.infra.Topics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The monitoring read model: office roll-ups agree with plan pages, a rebuild reproduces it, districts can read it. */
class MonitoringReadModelTest {
    static RunningSystem system;

    @BeforeAll
    static void system() throws Exception { system = RunningSystem.get(); }

    @Test
    void theOfficeRollupAgreesWithThePlanPages() throws Exception {
        SamplePlan sample = SamplePlan.create(system.plan);
        record(sample, 0, "HOAN_THANH", 100);
        JsonNode progress = awaitProgress(sample.planId(), p -> p.at("/summary/completedCount").asInt() == 1);
        JsonNode unit = Http.get(system.monitoring.uri("/api/units?path="
                + URLEncoder.encode("Thành phố Hồ Chí Minh/Quận 10", StandardCharsets.UTF_8))).body();
        JsonNode mine = null;
        for (JsonNode plan : unit.get("plans")) if (plan.get("planId").asText().equals(sample.planId())) mine = plan;
        assertThat(mine).isNotNull();
        assertThat(mine.get("completionRate").asDouble()).isEqualTo(progress.at("/summary/completionRate").asDouble())
                .isEqualTo(0.333);
        assertThat(mine.get("overdueCount").asInt()).isEqualTo(progress.at("/summary/overdueCount").asInt()).isEqualTo(2);
        assertThat(unit.at("/totals/plans").asInt()).isEqualTo(unit.get("plans").size());
        JsonNode province = Http.get(system.monitoring.uri("/api/units?path="
                + URLEncoder.encode("Thành phố Hồ Chí Minh", StandardCharsets.UTF_8))).body();
        assertThat(province.get("children").findValuesAsText("name")).contains("Quận 10");
        assertThat(province.at("/totals/plans").asInt()).isGreaterThanOrEqualTo(unit.at("/totals/plans").asInt());
    }

    @Test
    void aRebuildReproducesTheReadModel() throws Exception {
        SamplePlan sample = SamplePlan.create(system.plan);
        record(sample, 1, "DANG_THUC_HIEN", 40);
        awaitProgress(sample.planId(), p -> p.at("/items/1/percent").asInt() == 40);
        JsonNode before = withoutClock(Http.get(system.monitoring.uri("/api/plans?size=500")).body());
        JsonNode started = Http.post(system.monitoring.uri("/api/admin/rebuild"), "quantri", "").body();
        assertThat(started.get("state").asText()).isIn("RUNNING", "DONE");
        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(system.monitoring.uri("/api/admin/rebuild")).body(),
                        s -> "DONE".equals(s.get("state").asText()));
        System.out.printf("Dựng lại: %d/%d sự kiện, %.1f sự kiện/giây%n", done.get("eventsDone").asLong(),
                done.get("eventsTotal").asLong(), done.get("eventsPerSecond").asDouble());
        assertThat(done.get("eventsDone").asLong()).isEqualTo(done.get("eventsTotal").asLong()).isPositive();
        JsonNode after = withoutClock(Http.get(system.monitoring.uri("/api/plans?size=500")).body());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void publishesEachPlansSummaryOnTheCompactedTopic() throws Exception {
        SamplePlan sample = SamplePlan.create(system.plan);
        record(sample, 2, "HOAN_THANH", 100);
        awaitProgress(sample.planId(), p -> p.at("/summary/completedCount").asInt() == 1);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "district-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        JsonNode latest = null;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PLAN_PROGRESS));
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline && (latest == null || latest.get("completedCount").asInt() < 1)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (sample.planId().equals(record.key())) latest = Http.json(record.value());
                }
            }
        }
        assertThat(latest).isNotNull();
        assertThat(latest.get("schoolName").asText()).isEqualTo("Trường Tiểu học Lê Đình Chinh");
        assertThat(latest.get("completedCount").asInt()).isEqualTo(1);
        assertThat(latest.get("itemCount").asInt()).isEqualTo(3);
    }

    private static void record(SamplePlan sample, int item, String status, int percent) throws Exception {
        Http.Response response = Http.post(system.plan.uri("/api/plans/" + sample.planId() + "/items/"
                + sample.itemIds().get(item) + "/progress"), "giamsat.mai.ldc", SamplePlan.progress(status, percent, "2024-01-10"));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    }

    private static JsonNode awaitProgress(String planId, java.util.function.Predicate<JsonNode> ready) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> Http.get(system.monitoring.uri("/api/plans/" + planId + "/progress")).body(),
                        p -> p.has("summary") && ready.test(p));
    }

    /** Today's date is the only thing allowed to differ between two reads. */
    private static JsonNode withoutClock(JsonNode page) {
        page.get("content").forEach(p -> ((ObjectNode) p).remove("asOf"));
        return page;
    }
}
