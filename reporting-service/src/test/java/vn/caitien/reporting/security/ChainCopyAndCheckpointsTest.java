package vn.caitien.reporting.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.caitien.api.chain.ChainCheckpoint;
import vn.caitien.api.chain.ChainLink;
import vn.caitien.api.chain.KeyFiles;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.wire.ChainedRecords;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.api.wire.WireJson;
import vn.caitien.infra.SharedTestStack;
import vn.caitien.infra.Topics;
import vn.caitien.reporting.TestStack;
import vn.caitien.reporting.chain.CheckpointHealth;
import vn.caitien.readside.lag.ProcessorHealth;
import vn.caitien.readside.deadletter.DeadLetters;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: reporting-service applies only what plan-service sealed and what extends each plan's chain,
 * keeps its own copy of the chain and plan-service's signed checkpoints, and serves both at
 * {@code GET /api/plans/{id}/chain} under the history's access rules.
 */
class ChainCopyAndCheckpointsTest extends ApiTestSupport {
    static KafkaProducer<String, byte[]> producer;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    ProcessorHealth processorHealth;
    @Autowired
    CheckpointHealth checkpointHealth;

    @BeforeAll
    static void producerAndCheckpointTopic() throws Exception {
        String bootstrap = SharedTestStack.stack().kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(ChainCheckpoint.TOPIC, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) throw e;
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() { producer.close(); }

    @Test
    void aForgedEventNeverTakesTheGenuineOnesPlaceAndIsParkedWithAnAlarm() throws Exception {
        TestPlans.Plan plan = TestPlans.approvedPlan("Trường Tiểu học Chuỗi Thật", "79099888", SchoolType.TIEU_HOC,
                "TT17-2018", TestPlans.LDC_UNIT, false);
        // The first two events are published; then, before the genuine sequence 2, a forged one with that sequence.
        TestPlans.publish(plan.events.subList(0, 2));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("plan_event", plan.planId) == 2);
        String head = jdbc.queryForObject("select hash from plan_chain where plan_id = ?", String.class, plan.planId);
        ProducerRecord<String, byte[]> kcat = forged(plan.planId, 2, head);
        kcat.headers().remove(TopicSeal.HEADER);
        producer.send(kcat).get();
        producer.send(forged(plan.planId, 6, head)).get(); // sealed, skips sequences 2 to 5
        TestPlans.publish(plan.events.subList(2, plan.events.size()));
        producer.send(forged(plan.planId, 2, head)).get(); // sealed, sequence 2 again
        awaitProjected(plan);
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(plan.planId).size() == 3);

        // The genuine events are all there, in order; none of the forged ones.
        assertThat(jdbc.queryForList("select event_id from plan_event where plan_id = ? order by sequence", String.class,
                plan.planId)).containsExactlyElementsOf(plan.events.stream().map(e -> e.getIdentifier()).toList());
        assertThat(jdbc.queryForObject("select count(*) from plan_event where plan_id = ? and actor = 'Kẻ giả mạo'",
                Long.class, plan.planId)).isZero();
        assertThat(letters(plan.planId)).extracting(DeadLetters.Entry::causeMessage)
                .anyMatch(m -> m.contains("không có dấu niêm phong")).anyMatch(m -> m.contains("trùng số thứ tự"))
                .anyMatch(m -> m.contains("thiếu sự kiện số 2"));
        Map<String, Object> health = processorHealth.health().getDetails();
        assertThat((Long) health.get("refusedEvents")).isGreaterThanOrEqualTo(3);
        assertThat(health.get("refusedMessage").toString()).contains("CẢNH BÁO");
        assertThat(new String(get("/actuator/prometheus", null).body()))
                .containsPattern("caitien_events_refused_total\\{[^}]*processor=\"reporting\"[^}]*reason=\"NOT_SEALED\"[^}]*} [1-9]");
        jdbc.update("delete from dead_letter_entry where aggregate_identifier = ?", plan.planId);
    }

    @Test
    void theChainCopyAndTheSignedCheckpointsAreServedWithTheHistorysAccessRules() throws Exception {
        TestPlans.Plan plan = leDinhChinh();
        KeyPair signing = SharedTestStack.keys().signingKeys();
        String keyId = KeyFiles.keyId(signing.getPublic());
        String headHash = jdbc.queryForObject("select hash from plan_chain where plan_id = ?", String.class, plan.planId);
        long headSequence = plan.events.size() - 1;
        ChainCheckpoint good = new ChainCheckpoint(plan.planId, headSequence, headHash, Instant.now(),
                ChainCheckpoint.REPORT_SUBMITTED, null, null).signedWith(signing.getPrivate(), keyId);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ChainCheckpoint otherKey = new ChainCheckpoint(plan.planId, headSequence, "f".repeat(64), Instant.now(),
                ChainCheckpoint.PERIODIC, null, null).signedWith(other.getPrivate(), keyId);
        ChainCheckpoint tampered = new ChainCheckpoint(plan.planId, headSequence + 5, good.hash(), good.createdAt(),
                good.reason(), good.keyId(), good.signature());
        long refusedBefore = (Long) checkpointHealth.health().getDetails().get("refusedCheckpoints");
        sendCheckpoint(plan.planId, good, true);
        sendCheckpoint(plan.planId, good, false); // as kcat would: no seal
        sendCheckpoint(plan.planId, otherKey, true);
        sendCheckpoint(plan.planId, tampered, true);
        sendCheckpoint(tuoiHong().planId, good, true); // keyed by another plan
        sendCheckpoint(plan.planId, good, true); // delivered again: kept once
        await().atMost(Duration.ofSeconds(30)).until(() ->
                (Long) checkpointHealth.health().getDetails().get("refusedCheckpoints") - refusedBefore == 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("plan_checkpoint", plan.planId) == 1);

        HttpResponse<byte[]> response = get("/api/plans/" + plan.planId + "/chain",
                TestStack.issuer().token("kiem-dinh-q10", Map.of("roles", List.of("AUDITOR"), "unit",
                        List.of("Thành phố Hồ Chí Minh", "Quận 10"))));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode chain = json(response);
        assertThat(chain.get("planId").asText()).isEqualTo(plan.planId);
        assertThat(chain.get("events")).hasSize(plan.events.size());
        String previous = ChainLink.GENESIS;
        for (int i = 0; i < plan.events.size(); i++) {
            JsonNode link = chain.get("events").get(i);
            assertThat(link.get("sequence").asLong()).isEqualTo(i);
            assertThat(link.get("eventId").asText()).isEqualTo(plan.events.get(i).getIdentifier());
            assertThat(link.get("previousHash").asText()).isEqualTo(previous);
            previous = link.get("hash").asText();
        }
        assertThat(previous).isEqualTo(headHash);
        assertThat(chain.get("checkpoints")).hasSize(1);
        ChainCheckpoint served = WireJson.mapper().treeToValue(chain.get("checkpoints").get(0), ChainCheckpoint.class);
        assertThat(served).isEqualTo(good);
        assertThat(served.isSignedBy(signing.getPublic())).isTrue();
        assertThat(chain.get("checkpoints").get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("planId", "sequence", "hash", "createdAt", "reason", "keyId", "signature");

        // Outside the caller's scope, as for a plan that does not exist: 404.
        String otherDistrict = TestStack.issuer().token("kiem-dinh-q1", Map.of("roles", List.of("AUDITOR"), "unit",
                List.of("Thành phố Hồ Chí Minh", "Quận 1")));
        assertThat(get("/api/plans/" + plan.planId + "/chain", otherDistrict).statusCode()).isEqualTo(404);
        assertThat(get("/api/plans/" + UUID.randomUUID() + "/chain", otherDistrict).statusCode()).isEqualTo(404);
        assertThat(get("/api/plans/" + plan.planId + "/chain", null).statusCode()).isEqualTo(401);
    }

    private void sendCheckpoint(String key, ChainCheckpoint checkpoint, boolean sealed) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(ChainCheckpoint.TOPIC, key,
                WireJson.mapper().writeValueAsBytes(checkpoint));
        producer.send(sealed ? SharedTestStack.keys().topicSeal().seal(record) : record).get();
    }

    /** A record with the topic key at a sequence of the test's choosing, linked to {@code previous}. */
    private static ProducerRecord<String, byte[]> forged(String planId, long sequence, String previous) {
        String id = UUID.randomUUID().toString();
        MetaData metadata = MetaData.with("actor", "Kẻ giả mạo").and(ChainLink.PREVIOUS_HASH_KEY, previous)
                .and(ChainLink.HASH_KEY, ChainLink.standInHash(previous, id));
        return new CloudEventsConverter(SharedTestStack.keys().topicSeal()).createKafkaMessage(new GenericDomainEventMessage<>(
                CloudEventsConverter.AGGREGATE_TYPE, planId, sequence,
                new PlanApproved(vn.caitien.api.plan.PlanId.of(planId), LocalDate.of(2024, 1, 1), "Kẻ giả mạo"), metadata,
                id, Instant.now()), Topics.PLAN_EVENTS);
    }

    private List<DeadLetters.Entry> letters(String planId) {
        return deadLetters.list().stream().filter(l -> planId.equals(l.planId())).toList();
    }
}
