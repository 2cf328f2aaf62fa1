package vn.caitien.planservice.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.caitien.api.chain.ChainCheckpoint;
import vn.caitien.api.chain.ChainKeys;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.wire.WireJson;
import vn.caitien.planservice.PlanBodies;
import vn.caitien.planservice.TestStack;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tampering by someone who can write the event table and knows the (public) hash algorithm, but holds none of
 * the key files: the hash chain alone stays consistent, the seals and the signed checkpoints do not. Each case
 * anchors its plan first, as the periodic checkpoint or a report submission would.
 */
class ChainAnchorApiTest extends ChainTestSupport {
    @Autowired
    Checkpointer checkpointer;
    @Autowired
    ChainKeys keys;

    @Test
    void aTailRewrittenWithRecomputedHashesIsNamedAgainstTheCheckpointAndTheSeals() throws Exception {
        String planId = anchoredPlan();
        rehash(planId, 4, payload -> payload.replace("\"percent\":40", "\"percent\":90"), meta -> { });
        rehash(planId, 5, payload -> payload, meta -> { });

        JsonNode report = verify(planId);
        assertThat(findings(report, "CHAIN_BROKEN")).as("the chain itself is consistent again").isEmpty();
        assertBroken(report, 4, "Sự kiện số 4 đến 5 có niêm phong sai dù đã được neo");
        assertThat(findings(report, "TAIL_REWRITE")).extracting(f -> f.get("message").asText())
                .anySatisfy(m -> assertThat(m).startsWith("Mã băm của sự kiện số 5 trong kho khác với điểm kiểm đã ký"));
        assertThat(report.get("message").asText()).startsWith("PHÁT HIỆN SAI LỆCH");
    }

    @Test
    void deletingTheLastThreeEventsAfterAReportIsATruncation() throws Exception {
        String planId = planWithHistory();
        submitReport(planId);
        await().atMost(Duration.ofSeconds(20)).until(() -> checkpointsOf(planId, ChainCheckpoint.REPORT_SUBMITTED) > 0);
        assertThat(jdbc.update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number >= 4",
                planId)).isEqualTo(3);

        JsonNode report = verify(planId);
        assertThat(report.get("events").asInt()).isEqualTo(4);
        assertThat(findings(report, "CHAIN_BROKEN")).isEmpty();
        assertBroken(report, 4, "Kho sự kiện chỉ còn đến sự kiện số 3, nhưng điểm kiểm đã ký lúc");
        assertThat(report.get("problem").asText()).contains("(khi nộp báo cáo) có đến sự kiện số 6",
                "3 sự kiện cuối đã bị xóa");
        assertThat(findings(report, "TRUNCATION")).hasSize(1);
    }

    @Test
    void aForgedEventAppendedWithACorrectHashHasNoValidSeal() throws Exception {
        String planId = anchoredPlan();
        Map<String, Object> last = row(planId, 5);
        ObjectNode meta = (ObjectNode) json.readTree((byte[]) last.get("meta_data"));
        String previous = meta.get("hash").asText();
        meta.remove(List.of("hash", "previousHash", "seal"));
        byte[] payload = new String((byte[]) last.get("payload"), StandardCharsets.UTF_8)
                .replace("\"percent\":70", "\"percent\":100").getBytes(StandardCharsets.UTF_8);
        String eventId = UUID.randomUUID().toString();
        String hash = EventContent.of(eventId, planId, 6, (String) last.get("payload_type"),
                Instant.parse((String) last.get("time_stamp")), payload, meta).hashAfter(previous);
        meta.put("previousHash", previous).put("hash", hash).put("seal", "bm90IHRoZSBrZXkncyBzZWFs");
        jdbc.update("insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type, "
                        + "time_stamp, aggregate_identifier, sequence_number, type) values (?, ?, ?, ?, ?, ?, ?, 6, ?)",
                eventId, json.writeValueAsBytes(meta), payload, last.get("payload_revision"), last.get("payload_type"),
                last.get("time_stamp"), planId, last.get("type"));

        JsonNode report = verify(planId);
        assertThat(findings(report, "CHAIN_BROKEN")).as("its hash is correct").isEmpty();
        assertBroken(report, 6, "Sự kiện số 6 nằm sau điểm neo cuối (sự kiện số 5) và có niêm phong sai");
        assertThat(findings(report, "FORGED_APPEND")).hasSize(1);
    }

    @Test
    void anActorChangedAndTheWholeTailReHashedIsNamedFromThatEvent() throws Exception {
        String planId = anchoredPlan();
        rehash(planId, 1, payload -> payload, meta -> meta.put("actor", "Người khác").remove("seal"));
        for (long n = 2; n <= 5; n++) rehash(planId, n, payload -> payload, meta -> { });

        JsonNode report = verify(planId);
        assertThat(findings(report, "CHAIN_BROKEN")).isEmpty();
        assertBroken(report, 1, "Sự kiện số 1 không có niêm phong dù đã được neo");
        assertThat(findings(report, "TAIL_REWRITE")).extracting(f -> f.get("message").asText())
                .anySatisfy(m -> assertThat(m).startsWith("Sự kiện số 2 đến 5 có niêm phong sai"))
                .anySatisfy(m -> assertThat(m).startsWith("Mã băm của sự kiện số 5 trong kho khác với điểm kiểm"));
    }

    @Test
    void aCheckpointIsSignedStoredAndPublishedSealedOnKafka() throws Exception {
        String planId = planWithHistory();
        submitReport(planId);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from chain_checkpoint "
                + "where plan_id = ? and published_at is not null", Integer.class, planId) > 0);
        post("/api/plans/" + planId + "/items/" + itemOf(planId) + "/progress", PROGRESS.formatted(80, 8));
        assertThat(checkpointer.checkpointMovedPlans()).isPositive();

        TopicSeal seal = keys.topicSeal();
        List<ConsumerRecord<String, byte[]>> records = checkpointRecords(planId, 2);
        List<ChainCheckpoint> published = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(seal.isSealed(record)).as("sealed with the topic key").isTrue();
            ChainCheckpoint checkpoint = WireJson.mapper().readValue(record.value(), ChainCheckpoint.class);
            assertThat(checkpoint.isSignedBy(keys.publicKey())).isTrue();
            assertThat(checkpoint.hash()).isEqualTo(hashOf(planId, checkpoint.sequence()));
            published.add(checkpoint);
            byte[] edited = new String(record.value(), StandardCharsets.UTF_8).replace(checkpoint.hash(), "0".repeat(64))
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(seal.isSealed(record.headers(), edited)).isFalse();
        }
        assertThat(published).extracting(ChainCheckpoint::sequence, ChainCheckpoint::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6L, ChainCheckpoint.REPORT_SUBMITTED),
                        org.assertj.core.groups.Tuple.tuple(7L, ChainCheckpoint.PERIODIC));
        assertThat(checkpointsOf(planId, null)).isEqualTo(2);
        assertThat(verify(planId).get("checkpoints").asInt()).isEqualTo(2);
    }

    /** A plan with history whose head (event 5) has a periodic checkpoint. */
    private String anchoredPlan() throws Exception {
        String planId = planWithHistory();
        checkpointer.checkpointMovedPlans();
        assertThat(checkpointsOf(planId, ChainCheckpoint.PERIODIC)).isEqualTo(1);
        return planId;
    }

    private void submitReport(String planId) throws Exception {
        HttpResponse<String> submitted = post("/api/plans/" + planId + "/reports", PlanBodies.REPORT);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    }

    private int checkpointsOf(String planId, String reason) {
        return jdbc.queryForObject("select count(*) from chain_checkpoint where plan_id = ? and (cast(? as varchar) is null or reason = ?)",
                Integer.class, planId, reason, reason);
    }

    private Map<String, Object> row(String planId, long sequence) {
        return jdbc.queryForMap("select * from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                planId, sequence);
    }

    private String hashOf(String planId, long sequence) throws Exception {
        return json.readTree(column("meta_data", planId, sequence)).get("hash").asText();
    }

    /**
     * What someone who knows the algorithm but not the seal key can do: change an event, give it the hash of its
     * new content after the (possibly also re-hashed) event before it. Its seal stays what it was, unless removed.
     */
    private void rehash(String planId, long sequence, UnaryOperator<String> payloadEdit, Consumer<ObjectNode> metaEdit)
            throws Exception {
        Map<String, Object> row = row(planId, sequence);
        byte[] payload = payloadEdit.apply(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        ObjectNode meta = (ObjectNode) json.readTree((byte[]) row.get("meta_data"));
        metaEdit.accept(meta);
        String previous = sequence == 0 ? EventContent.GENESIS : hashOf(planId, sequence - 1);
        meta.put("previousHash", previous).put("hash", EventContent.of((String) row.get("event_identifier"), planId,
                sequence, (String) row.get("payload_type"), Instant.parse((String) row.get("time_stamp")), payload, meta)
                .hashAfter(previous));
        setColumn("payload", planId, sequence, payload);
        setColumn("meta_data", planId, sequence, json.writeValueAsBytes(meta));
    }

    /** The plan's records on the checkpoint topic, read from the beginning until {@code expected} are there. */
    private List<ConsumerRecord<String, byte[]>> checkpointRecords(String planId, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafka().bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(ChainCheckpoint.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            assertThat(partitions).hasSize(3);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (planId.equals(r.key())) found.add(r);
                });
                return found.size() >= expected;
            });
        }
        return found;
    }
}
