package vn.caitien.monitoring.rebuild;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.wire.WireJson;
import vn.caitien.infra.SharedTestStack;
import vn.caitien.monitoring.support.Api;
import vn.caitien.monitoring.support.Users;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.caitien.monitoring.rebuild.RebuildEvents.added;
import static vn.caitien.monitoring.rebuild.RebuildEvents.created;
import static vn.caitien.monitoring.rebuild.RebuildEvents.progress;

/**
 * The compacted progress topic: each changed plan's summary goes out with its newest standing, a burst
 * of changes to one plan as few records, and after a rebuild every plan's summary again. A service of
 * its own on topics and a schema of its own.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgressSummariesTest {
    static final String TOPIC = "caitien.summaries-test";
    static final String SUMMARIES = "caitien.summaries-test.progress";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static ScriptedEvents script;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownSchemaAndTopic(DynamicPropertyRegistry registry) {
        SharedTestStack.serviceProperties("monitoring_summaries_test").forEach(registry::add);
        registry.add("spring.flyway.schemas", () -> "monitoring_summaries_test");
        registry.add("axon.kafka.default-topic", () -> TOPIC);
        registry.add("caitien.progress-topic", () -> SUMMARIES);
    }

    @BeforeAll
    static void topics() throws Exception {
        String bootstrap = SharedTestStack.stack().kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1), new NewTopic(SUMMARIES, 3, (short) 1))).all().get();
        }
        script = new ScriptedEvents(bootstrap, TOPIC);
    }

    @AfterAll
    static void close() { script.close(); }

    @Test
    void eachChangedPlanGoesOutWithItsNewestStandingAndAgainAfterARebuild() throws Exception {
        List<String> plans = IntStream.range(0, 3).mapToObj(n -> "tt-" + RUN + "-" + n).toList();
        Instant at = Instant.parse("2023-09-01T01:00:00Z");
        int busyPlanEvents = 0;
        try (Summaries summaries = new Summaries()) {
            for (String plan : plans) {
                script.publish(plan, created(plan, "Trường " + plan, null), at, "Hội đồng");
                script.publish(plan, added(plan, "a", "1.1", "Mục tiêu a"), at, "Hội đồng");
                script.publish(plan, added(plan, "b", "1.2", "Mục tiêu b"), at, "Hội đồng");
            }
            // A burst on one plan: forty records of a working item, then the other item completed.
            String busy = plans.get(0);
            for (int n = 0; n < 40; n++, busyPlanEvents++) {
                script.publish(busy, progress(busy, "a", ProgressStatus.DANG_THUC_HIEN, n + 1, null,
                        LocalDate.of(2023, 10, 1).plusDays(n), List.of(), Map.of()), at.plusSeconds(n), "Mai");
            }
            script.publish(busy, progress(busy, "b", ProgressStatus.HOAN_THANH, 100, 2_000_000L, LocalDate.of(2023, 12, 1),
                    List.of(), Map.of()), at.plusSeconds(100), "Mai");
            busyPlanEvents += 4;

            Map<String, JsonNode> latest = summaries.awaitLatest(plans,
                    got -> got.get(busy).get("completedCount").asInt() == 1);
            assertThat(latest.get(busy).get("itemCount").asInt()).isEqualTo(2);
            assertThat(latest.get(busy).get("amountSpent").asLong()).isEqualTo(2_000_000L);
            assertThat(latest.get(plans.get(1)).get("completedCount").asInt()).isZero();
            assertThat(latest.get(plans.get(1)).get("itemCount").asInt()).isEqualTo(2);
            // The newest record of each plan is what the read model shows.
            Api api = new Api(port);
            for (String plan : plans) {
                JsonNode page = api.get("/api/plans/" + plan + "/progress", Users.ADMIN.token()).json();
                assertThat(latest.get(plan).get("completedCount")).isEqualTo(page.at("/summary/completedCount"));
                assertThat(latest.get(plan).get("itemCount")).isEqualTo(page.at("/summary/itemCount"));
            }
            // Changes gathered while the summaries of earlier ones were read go out together.
            assertThat(summaries.count(busy)).isBetween(1, busyPlanEvents - 1);

            summaries.forget();
            Api.Response started = api.send("POST", "/api/admin/rebuild", Users.ADMIN.token());
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            Map<String, JsonNode> again = summaries.awaitLatest(plans, got -> true);
            assertThat(again.get(busy).get("completedCount").asInt()).isEqualTo(1);
        }
    }

    /** Reads the summaries topic from its beginning, keeping each of the test's plans' newest record. */
    private static final class Summaries implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, JsonNode> latest = new HashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();

        Summaries() {
            consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", SharedTestStack.stack().kafka().bootstrapServers()),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < 3; p++) partitions.add(new TopicPartition(SUMMARIES, p));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        Map<String, JsonNode> awaitLatest(List<String> plans, java.util.function.Predicate<Map<String, JsonNode>> done) {
            return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(record.key(), WireJson.mapper().readTree(record.value()));
                    counts.merge(record.key(), 1, Integer::sum);
                }
                return Map.copyOf(latest);
            }, got -> got.keySet().containsAll(plans) && done.test(got));
        }

        int count(String plan) { return counts.getOrDefault(plan, 0); }

        void forget() {
            latest.clear();
            counts.clear();
        }

        @Override
        public void close() { consumer.close(); }
    }
}
