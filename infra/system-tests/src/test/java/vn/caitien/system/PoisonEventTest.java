package vn.caitien.system;

import vn.caitien.infra.process.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import vn.caitien.api.chain.ChainLink;
import vn.caitien.infra.EmbeddedPostgresServer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison event (an item for a plan monitoring has never seen) is parked in the dead-letter queue
 * per plan: other plans go on, health and metrics show it, and a retry after the cause is fixed applies it.
 */
@Order(Integer.MAX_VALUE)
class PoisonEventTest {
    static final String TOPIC = "caitien.plan.events";
    static RunningSystem system;

    @BeforeAll
    static void system() throws Exception { system = RunningSystem.get(); }

    @Test
    void aPoisonEventIsParkedShownAndRetriedAfterTheFix() throws Exception {
        String poisonPlan = UUID.randomUUID().toString();
        String poisonItem = UUID.randomUUID().toString();
        publish(poisonPlan, "vn.caitien.plan.ActionItemAdded", 0, """
                {"planId": "%s", "itemId": "%s", "details": {"criterionCode": "1.4", "levelGroup": "MỨC 1, 2, 3",
                 "targetResult": "Kết quả cần đạt của tiêu chí 1.4", "indicators": [], "tasks": ["Tổ chức thực hiện"],
                 "lead": "Hiệu trưởng", "coordinators": [],
                 "schedule": {"start": "2023-09", "end": "2024-05", "text": "Năm học 2023-2024"},
                 "budget": {"amount": 3000000, "perSchoolYear": true, "text": "3 triệu/NH"}},
                 "amendmentReason": null}""".formatted(poisonPlan, poisonItem));

        // Processing goes on for the other plans.
        SamplePlan sample = SamplePlan.create(system.plan);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Http.get(system.monitoring.uri("/api/plans/" + sample.planId() + "/progress")).body(),
                        p -> p.has("summary") && p.get("items").size() == 3);

        // The poison is listed with its plan, type and cause.
        JsonNode poison = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> letterOf(poisonPlan, "vn.caitien.plan.ActionItemAdded"), l -> l != null);
        assertThat(poison.get("sequence").asLong()).isZero();
        assertThat(poison.get("causeMessage").asText()).isNotBlank();
        assertThat(poison.get("enqueuedAt").asText()).isNotBlank();
        assertThat(poison.get("retries").asInt()).isZero();

        // Health stays UP and says so; the gauge is exported.
        JsonNode health = Http.get(system.monitoring.uri("/actuator/health")).body();
        assertThat(health.at("/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/eventProcessing/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/eventProcessing/details/deadLetters").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(health.at("/components/eventProcessing/details/deadLetterMessage").asText()).contains("sự kiện");
        assertThat(text(system.monitoring, "/actuator/prometheus"))
                .containsPattern("caitien_deadletters\\{[^}]*processor=\"monitoring\"[^}]*} [1-9]");

        // The plan's next event waits behind the poison: per-plan sequencing parks it too.
        publish(poisonPlan, "vn.caitien.plan.PlanApproved", 1, """
                {"planId": "%s", "approvedOn": "2023-08-25", "approvedBy": "Trần Thị Hồng"}""".formatted(poisonPlan));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> letterOf(poisonPlan, "vn.caitien.plan.PlanApproved"), l -> l != null);
        assertThat(Http.get(system.monitoring.uri("/api/plans/" + poisonPlan + "/progress")).status()).isEqualTo(404);

        // A retry before the fix still fails at the first event of the plan and counts the attempt.
        JsonNode failed = Http.post(system.monitoring.uri("/api/admin/dead-letters/retry"), "quantri", "").body();
        assertThat(failed.get("stillFailing").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(letterOf(poisonPlan, "vn.caitien.plan.ActionItemAdded").get("retries").asInt()).isEqualTo(1);

        // The fix: the operator repairs the missing plan row, then retries; the whole sequence applies in order.
        try (Connection db = DriverManager.getConnection(system.stack.postgres()
                .jdbcUrl(EmbeddedPostgresServer.DEFAULT_DATABASE, "monitoring"), system.stack.postgres().username(), "")) {
            db.createStatement().executeUpdate("""
                    insert into plan_progress (plan_id, school_name, school_type, managing_unit, school_year, framework_id,
                                               status, updated_at, school_key)
                    values ('%s', 'Trường Tiểu học Thử Nghiệm', 'TIEU_HOC', '{"Thành phố Hồ Chí Minh","Quận 10"}',
                            '2023-2024', 'TT17-2018', 'DRAFT', now(), 'sua-loi')""".formatted(poisonPlan));
        }
        JsonNode retried = Http.post(system.monitoring.uri("/api/admin/dead-letters/retry"), "quantri", "").body();
        assertThat(retried.get("succeeded").asInt()).as(retried.toString()).isGreaterThanOrEqualTo(1);
        assertThat(letterOf(poisonPlan, null)).isNull();
        JsonNode progress = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> Http.get(system.monitoring.uri("/api/plans/" + poisonPlan + "/progress")).body(),
                        p -> p.has("items") && p.get("items").size() == 1);
        assertThat(progress.at("/items/0/itemId").asText()).isEqualTo(poisonItem);
        assertThat(progress.get("status").asText()).isEqualTo("APPROVED");

        // reporting has its own queue and endpoints (its history has no foreign key: the poison may pass there).
        Http.Response reporting = Http.get(system.reporting.uri("/api/admin/dead-letters"));
        assertThat(reporting.status()).isEqualTo(200);
        assertThat(reporting.body().isArray()).isTrue();
        Http.Response reportingRetry = Http.post(system.reporting.uri("/api/admin/dead-letters/retry"), "quantri", "");
        assertThat(reportingRetry.status()).isEqualTo(200);
        assertThat(Http.get(system.reporting.uri("/actuator/health")).body().at("/components/eventProcessing/details/deadLetters")
                .isNumber()).isTrue();
    }

    /** The monitoring dead letter of this plan (and type, when given), or null. */
    private static JsonNode letterOf(String planId, String type) throws Exception {
        Http.Response list = Http.get(system.monitoring.uri("/api/admin/dead-letters"));
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode letter : list.body()) {
            if (planId.equals(letter.get("planId").asText())
                    && (type == null || type.equals(letter.get("eventType").asText()))) return letter;
        }
        return null;
    }

    /** Hand-made events, sealed and linked as plan-service would publish them (the n-th of its plan links to the one before). */
    private static final java.util.Map<String, String> LAST_HASH = new java.util.concurrent.ConcurrentHashMap<>();

    private static void publish(String planId, String type, long sequence, String data) throws Exception {
        String id = UUID.randomUUID().toString();
        String previous = sequence == 0 ? ChainLink.GENESIS : LAST_HASH.get(planId);
        String hash = ChainLink.standInHash(previous, id);
        LAST_HASH.put(planId, hash);
        String event = """
                {"specversion": "1.0", "id": "%s", "source": "/caitien/plan-service", "type": "%s", "subject": "%s",
                 "sequence": "%d", "time": "%s", "datacontenttype": "application/json", "actor": "Kiểm thử",
                 "previoushash": "%s", "hash": "%s", "data": %s}""".formatted(id, type, planId, sequence, Instant.now(),
                previous, hash, data);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack.kafka().bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, planId, event.getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            producer.send(ServiceProcess.keys().topicSeal().seal(record)).get();
        }
    }

    private static String text(ServiceProcess service, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
