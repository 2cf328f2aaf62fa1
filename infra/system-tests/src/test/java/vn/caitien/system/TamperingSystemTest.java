package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.caitien.infra.EmbeddedPostgresServer;
import vn.caitien.infra.process.ServiceProcess;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tampering that only the whole system can show: a record forged onto the topic by someone without
 * plan-service's key is parked by both read services and never takes a genuine event's place; and the
 * tail of a plan deleted from plan-service's store together with its checkpoint rows is still named by
 * verify, against reporting-service's own copy of the chain and the checkpoints it keeps.
 */
class TamperingSystemTest {
    static RunningSystem system;

    @BeforeAll
    static void system() throws Exception {
        system = RunningSystem.get();
    }

    @Test
    void aRecordForgedOntoTheTopicIsParkedByBothReadServicesAndTheGenuineEventStillApplies() throws Exception {
        SamplePlan plan = SamplePlan.create(system.plan);
        long stored = eventsOf(plan.planId());
        JsonNode last = lastOnReportingCopy(plan.planId(), stored);
        // The forger knows the format and the last hash (both are public on the topic) but not the key.
        String forgedId = UUID.randomUUID().toString();
        String forged = """
                {"specversion": "1.0", "id": "%s", "source": "/caitien/plan-service", "type": "vn.caitien.plan.ProgressRecorded",
                 "subject": "%s", "sequence": "%d", "time": "%s", "datacontenttype": "application/json", "actor": "Hiệu trưởng",
                 "previoushash": "%s", "hash": "%s",
                 "data": {"planId": "%s", "itemId": "%s", "progressId": "%s", "status": "HOAN_THANH", "percent": 100,
                          "indicatorValues": [], "narrative": "Giả mạo", "evidenceCodes": [], "amountSpentToDate": 0,
                          "effectiveDate": "2023-10-01"}}""".formatted(forgedId, plan.planId(), stored, Instant.now(),
                last.get("hash").asText(), "f".repeat(64), plan.planId(), plan.itemIds().get(0), UUID.randomUUID());
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack.kafka().bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("caitien.plan.events", plan.planId(), forged.getBytes(StandardCharsets.UTF_8))).get();
        }
        // The genuine event with the same sequence comes after it.
        assertThat(Http.post(system.plan.uri("/api/plans/" + plan.planId() + "/items/" + plan.itemIds().get(0) + "/progress"),
                "giamsat.mai.ldc", SamplePlan.progress("DANG_THUC_HIEN", 30, "2023-10-02")).status()).isEqualTo(201);

        for (ServiceProcess service : new ServiceProcess[]{system.monitoring, system.reporting}) {
            JsonNode letter = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> letter(service, forgedId), l -> l != null);
            assertThat(letter.get("planId").asText()).isEqualTo(plan.planId());
            assertThat(letter.get("causeMessage").asText()).as(service.name()).isNotBlank();
        }
        JsonNode item = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(system.monitoring.uri("/api/plans/" + plan.planId() + "/progress")).body().at("/items/0"),
                        i -> i.path("percent").asInt() == 30);
        assertThat(item.path("status").asText()).isNotEqualTo("HOAN_THANH");
        JsonNode copy = lastOnReportingCopy(plan.planId(), stored + 1);
        assertThat(copy.get("eventId").asText()).isNotEqualTo(forgedId);
    }

    @Test
    void aTailDeletedWithItsCheckpointRowsIsATruncationAgainstReportingsCopy() throws Exception {
        SamplePlan plan = SamplePlan.create(system.plan);
        for (int n = 0; n < 3; n++) {
            assertThat(Http.post(system.plan.uri("/api/plans/" + plan.planId() + "/items/" + plan.itemIds().get(n) + "/progress"),
                    "giamsat.mai.ldc", SamplePlan.progress("DANG_THUC_HIEN", 20 + n, "2023-10-0" + (n + 2))).status()).isEqualTo(201);
        }
        long stored = eventsOf(plan.planId());
        lastOnReportingCopy(plan.planId(), stored);
        JsonNode intact = Http.get(system.plan.uri("/api/plans/" + plan.planId() + "/verify")).body();
        assertThat(intact.get("verdict").asText()).as(intact.toString()).isEqualTo("NGUYEN_VEN");

        try (Connection db = planDatabase()) {
            db.createStatement().executeUpdate("delete from domain_event_entry where aggregate_identifier = '"
                    + plan.planId() + "' and sequence_number >= " + (stored - 3));
            db.createStatement().executeUpdate("delete from chain_checkpoint where plan_id = '" + plan.planId() + "'");
        }
        JsonNode broken = Http.get(system.plan.uri("/api/plans/" + plan.planId() + "/verify")).body();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("verdict").asText()).isEqualTo("SAI_LECH");
        assertThat(broken.get("findings")).anySatisfy(f -> assertThat(f.get("kind").asText()).isEqualTo("TRUNCATION"));
        assertThat(broken.get("message").asText()).isNotBlank();
    }

    /** The last event of reporting-service's copy once it holds {@code count} events of the plan. */
    private static JsonNode lastOnReportingCopy(String planId, long count) {
        JsonNode chain = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> Http.get(system.reporting.uri("/api/plans/" + planId + "/chain")).body(),
                        c -> c.path("events").size() == count);
        return chain.get("events").get((int) count - 1);
    }

    private static JsonNode letter(ServiceProcess service, String eventId) throws Exception {
        for (JsonNode letter : Http.get(service.uri("/api/admin/dead-letters")).body()) {
            if (eventId.equals(letter.path("eventId").asText())) return letter;
        }
        return null;
    }

    private static long eventsOf(String planId) throws Exception {
        try (Connection db = planDatabase();
             ResultSet rows = db.createStatement().executeQuery(
                     "select count(*) from domain_event_entry where aggregate_identifier = '" + planId + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection planDatabase() throws Exception {
        return DriverManager.getConnection(system.stack.postgres().jdbcUrl(EmbeddedPostgresServer.DEFAULT_DATABASE, "plan"),
                system.stack.postgres().username(), "");
    }
}
