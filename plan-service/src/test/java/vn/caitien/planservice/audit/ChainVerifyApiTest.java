package vn.caitien.planservice.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real commands through the REST API into the real event store, then tampering straight in SQL: the
 * verification must notice each kind, at the right event, in Vietnamese. Each case uses its own plan.
 */
class ChainVerifyApiTest extends ChainTestSupport {
    @Autowired
    EventSeals seals;

    @Test
    void aPlanJustWrittenShowsNoTamperingAndEveryEventLinksToTheOneBefore() throws Exception {
        String planId = planWithHistory();
        JsonNode report = verify(planId);
        assertThat(report.get("planId").asText()).isEqualTo(planId);
        assertThat(report.get("events").asInt()).isEqualTo(EVENTS);
        assertThat(report.has("firstBrokenSequence")).isTrue();
        assertNoTampering(report);
        assertThat(report.get("readCopyHead").isNull()).isTrue();

        List<Map<String, Object>> rows = jdbc.queryForList("select sequence_number, meta_data, time_stamp "
                + "from domain_event_entry where aggregate_identifier = ? order by sequence_number", planId);
        assertThat(rows).hasSize(EVENTS);
        String previous = EventContent.GENESIS;
        for (Map<String, Object> row : rows) {
            JsonNode meta = json.readTree((byte[]) row.get("meta_data"));
            assertThat(meta.get("previousHash").asText()).isEqualTo(previous);
            assertThat(meta.get("hash").asText()).matches("[0-9a-f]{64}");
            assertThat(seals.check(meta)).isEqualTo(EventSeals.State.VALID);
            // Created, items and approval by the principal; progress (events 4, 5) by the monitoring team.
            boolean progress = ((Number) row.get("sequence_number")).longValue() >= 4;
            assertThat(meta.get("actor").asText())
                    .isEqualTo(progress ? "Tổ giám sát - Nguyễn Thị Mai" : "Hiệu trưởng - Lưu Thuận Phong");
            assertThat(meta.get("actorId").asText()).isEqualTo((progress ? "gs-" : "ht-") + SCHOOL);
            // Axon stores the time as text, in UTC, always with exactly three fraction digits.
            assertThat((String) row.get("time_stamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            previous = meta.get("hash").asText();
        }
        assertThat(report.get("headHash").asText()).isEqualTo(previous);
        assertThat(verify(planId)).isEqualTo(report);
    }

    @Test
    void anEditedPayloadBreaksTheChainAtThatEvent() throws Exception {
        String planId = planWithHistory();
        byte[] payload = column("payload", planId, 4);
        String text = new String(payload, StandardCharsets.UTF_8);
        assertThat(text).contains("\"percent\":40");
        setColumn("payload", planId, 4, text.replace("\"percent\":40", "\"percent\":90").getBytes(StandardCharsets.UTF_8));

        assertBroken(verify(planId), 4, "Sự kiện số 4 đã bị sửa: mã băm không khớp");
    }

    @Test
    void editedMetadataBreaksTheChainAtThatEvent() throws Exception {
        String planId = planWithHistory();
        ObjectNode meta = (ObjectNode) json.readTree(column("meta_data", planId, 1));
        meta.put("actor", "người khác");
        setColumn("meta_data", planId, 1, json.writeValueAsBytes(meta));

        assertBroken(verify(planId), 1, "Sự kiện số 1 đã bị sửa: mã băm không khớp");
    }

    @Test
    void aDeletedEventIsMissingFromTheChain() throws Exception {
        String planId = planWithHistory();
        assertThat(jdbc.update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 2",
                planId)).isEqualTo(1);

        JsonNode report = verify(planId);
        assertBroken(report, 2, "Thiếu sự kiện số 2");
        assertThat(report.get("events").asInt()).isEqualTo(EVENTS - 1);
    }

    @Test
    void aDeletedEventWithTheRestRenumberedStillBreaksTheLinks() throws Exception {
        String planId = planWithHistory();
        jdbc.update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 2", planId);
        for (int seq = 3; seq < EVENTS; seq++) {
            jdbc.update("update domain_event_entry set sequence_number = ? where aggregate_identifier = ? "
                    + "and sequence_number = ?", seq - 1, planId, seq);
        }
        assertBroken(verify(planId), 2, "Sự kiện số 2 không nối tiếp sự kiện trước");
    }

    @Test
    void swappedEventsStandOutOfOrder() throws Exception {
        String planId = planWithHistory();
        // (aggregate_identifier, sequence_number) is unique: park one row on a temporary number.
        swap(planId, 4, 5);

        assertBroken(verify(planId), 4, "Sự kiện số 4 đứng sai thứ tự");
    }

    @Test
    void swappingTheFirstTwoEventsIsNoticedToo() throws Exception {
        String planId = planWithHistory();
        swap(planId, 0, 1);

        assertBroken(verify(planId), 0, "Sự kiện số 0 đứng sai thứ tự");
    }

    @Test
    void anEditedTimestampBreaksTheChainAtThatEvent() throws Exception {
        String planId = planWithHistory();
        String stored = jdbc.queryForObject("select time_stamp from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 3", String.class, planId);
        String earlier = DateTimeUtils.formatInstant(Instant.parse(stored).minusSeconds(3600));
        jdbc.update("update domain_event_entry set time_stamp = ? where aggregate_identifier = ? and sequence_number = 3",
                earlier, planId);

        assertBroken(verify(planId), 3, "Sự kiện số 3 đã bị sửa: mã băm không khớp");
    }

    @Test
    void aTimestampWrittenDifferentlyButMeaningTheSameInstantIsNotTampering() throws Exception {
        String planId = planWithHistory();
        String stored = jdbc.queryForObject("select time_stamp from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 3", String.class, planId);
        String sameInstant = Instant.parse(stored).atOffset(java.time.ZoneOffset.ofHours(7)).toString();
        jdbc.update("update domain_event_entry set time_stamp = ? where aggregate_identifier = ? and sequence_number = 3",
                sameInstant, planId);

        assertNoTampering(verify(planId));
    }

    @Test
    void anEditedEventTypeBreaksTheChainAtThatEvent() throws Exception {
        String planId = planWithHistory();
        jdbc.update("update domain_event_entry set payload_type = ? where aggregate_identifier = ? and sequence_number = 2",
                "vn.caitien.api.item.ActionItemUpdated", planId);

        assertBroken(verify(planId), 2, "Sự kiện số 2 đã bị sửa: mã băm không khớp");
    }

    @Test
    void anEventWithoutHashIsReported() throws Exception {
        String planId = planWithHistory();
        ObjectNode meta = (ObjectNode) json.readTree(column("meta_data", planId, 0));
        meta.remove(List.of("hash", "previousHash"));
        setColumn("meta_data", planId, 0, json.writeValueAsBytes(meta));

        assertBroken(verify(planId), 0, "Sự kiện số 0 không có mã băm");
    }

    @Test
    void anEditRehashedBySomeoneWhoKnowsTheAlgorithmBreaksTheNextLink() throws Exception {
        String planId = planWithHistory();
        Map<String, Object> row = jdbc.queryForMap("select event_identifier, payload_type, time_stamp, payload, meta_data "
                + "from domain_event_entry where aggregate_identifier = ? and sequence_number = 4", planId);
        byte[] payload = new String((byte[]) row.get("payload"), StandardCharsets.UTF_8)
                .replace("\"percent\":40", "\"percent\":90").getBytes(StandardCharsets.UTF_8);
        ObjectNode meta = (ObjectNode) json.readTree((byte[]) row.get("meta_data"));
        String rehashed = EventContent.of((String) row.get("event_identifier"), planId, 4, (String) row.get("payload_type"),
                Instant.parse((String) row.get("time_stamp")), payload, meta).hashAfter(meta.get("previousHash").asText());
        meta.put("hash", rehashed);
        setColumn("payload", planId, 4, payload);
        setColumn("meta_data", planId, 4, json.writeValueAsBytes(meta));

        // Event 4 is self-consistent now, but its seal is of the old hash (and event 5 still names the old hash).
        JsonNode report = verify(planId);
        assertBroken(report, 4, "Sự kiện số 4 có niêm phong sai");
        assertThat(findings(report, "CHAIN_BROKEN")).singleElement()
                .satisfies(f -> assertThat(f.get("message").asText()).startsWith("Sự kiện số 5 không nối tiếp sự kiện trước"));
    }

    @Test
    void payloadThatIsNoLongerJsonIsAnEdit() throws Exception {
        String planId = planWithHistory();
        setColumn("payload", planId, 1, "not json".getBytes(StandardCharsets.UTF_8));

        assertBroken(verify(planId), 1, "Sự kiện số 1 đã bị sửa");
    }

    @Test
    void concurrentCommandsOnOnePlanKeepOneChain() throws Exception {
        String planId = planWithHistory();
        String itemId = itemOf(planId);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int percent = 50 + i;
                Callable<Integer> call = () -> post("/api/plans/" + planId + "/items/" + itemId + "/progress",
                        PROGRESS.formatted(percent, percent)).statusCode();
                sent.add(pool.submit(call));
            }
            int stored = 0;
            for (Future<Integer> f : sent) {
                int status = f.get();
                assertThat(status).isIn(201, 409);
                if (status == 201) stored++;
            }
            JsonNode report = verify(planId);
            assertNoTampering(report);
            assertThat(report.get("events").asInt()).isEqualTo(EVENTS + stored);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownPlanIsNotFound() throws Exception {
        HttpResponse<String> response = get("/api/plans/khong-co-ke-hoach-nay/verify");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("detail").asText()).contains("khong-co-ke-hoach-nay");
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("planId");
    }

}
