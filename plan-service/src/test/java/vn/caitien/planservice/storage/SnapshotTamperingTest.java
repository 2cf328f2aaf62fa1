package vn.caitien.planservice.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.PlanBodies;
import vn.caitien.planservice.domain.Plan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A snapshot edited in SQL from DRAFT to APPROVED: plan-service must not believe it. The snapshot's seal no longer
 * matches, so it is discarded and the plan is built from its events (still a draft, refusing progress and reports),
 * the discard is counted, and verify names the snapshot.
 */
class SnapshotTamperingTest extends StoredPlanTestSupport {
    @Autowired
    SpringAggregateSnapshotter snapshotter;

    @Test
    void aDraftSnapshotEditedToApprovedIsDiscardedAndNamedByVerify() throws Exception {
        String draft = id(api.send("POST", "/api/plans", PLAN, tokenFor("/api/plans")));
        String draftItem = id(api.send("POST", "/api/plans/" + draft + "/items", ITEM.formatted("3.4", "Đủ phòng vệ sinh"),
                tokenFor("/api/plans/" + draft + "/items")));
        long version = version(draft);
        snapshotter.scheduleSnapshot(Plan.class, draft);
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshotOf(draft) != null);

        Map<String, Object> snapshot = snapshotOf(draft);
        assertThat(snapshot.get("sequence_number")).isEqualTo(version);
        JsonNode meta = new com.fasterxml.jackson.databind.ObjectMapper().readTree((byte[]) snapshot.get("meta_data"));
        assertThat(meta.get("hash").asText()).isEqualTo(storedHash(draft, version));
        assertThat(meta.get("seal").asText()).isNotBlank();
        String payload = new String((byte[]) snapshot.get("payload"), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"status\":\"DRAFT\"");
        assertThat(jdbc.update("update snapshot_event_entry set payload = ? where aggregate_identifier = ?",
                payload.replace("\"status\":\"DRAFT\"", "\"status\":\"APPROVED\"").getBytes(StandardCharsets.UTF_8), draft))
                .isEqualTo(1);
        double discarded = discards();
        recentPlans.clear();

        Api.Response progress = api.send("POST", "/api/plans/" + draft + "/items/" + draftItem + "/progress",
                PROGRESS.formatted(30), tokenFor("/api/plans/" + draft + "/items/" + draftItem + "/progress"));
        assertThat(progress.status()).as(progress.body().toString()).isEqualTo(409);
        assertThat(progress.body().get("detail").asText()).startsWith("Kế hoạch còn là dự thảo");
        recentPlans.clear();
        Api.Response report = api.send("POST", "/api/plans/" + draft + "/reports", PlanBodies.REPORT,
                tokenFor("/api/plans/" + draft + "/reports"));
        assertThat(report.status()).as(report.body().toString()).isEqualTo(409);
        assertThat(version(draft)).as("nothing stored").isEqualTo(version);
        assertThat(discards()).isGreaterThanOrEqualTo(discarded + 2);

        Api.Response verify = api.get("/api/plans/" + draft + "/verify", tokenFor("/api/plans/" + draft + "/verify"));
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.body().get("verdict").asText()).isEqualTo("SAI_LECH");
        assertThat(verify.body().get("firstBrokenSequence").asLong()).isEqualTo(version);
        assertThat(verify.body().get("problem").asText()).isEqualTo("Ảnh chụp trạng thái kế hoạch tại sự kiện số "
                + version + " đã bị sửa: niêm phong không khớp nội dung; dịch vụ không dùng nó mà dựng lại kế hoạch từ các sự kiện");
    }

    @Test
    void aSnapshotLeftOverAfterItsEventWasRewrittenIsDiscarded() throws Exception {
        recordProgress(item, 10);
        long version = storedVersion();
        snapshotter.scheduleSnapshot(Plan.class, plan);
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshotOf(plan) != null);
        // Someone changes the covered event's hash (as a rewrite of it would); the snapshot's seal still matches itself.
        byte[] meta = jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", byte[].class, plan, version);
        jdbc.update("update domain_event_entry set meta_data = ? where aggregate_identifier = ? and sequence_number = ?",
                new String(meta, StandardCharsets.UTF_8).replace(storedHash(plan, version), "ab".repeat(32))
                        .getBytes(StandardCharsets.UTF_8), plan, version);
        double discarded = discards();
        recentPlans.clear();

        assertThat(recordProgress(otherItem, 20).status()).isEqualTo(201);
        assertThat(discards()).isGreaterThan(discarded);
        JsonNode verify = api.get("/api/plans/" + plan + "/verify", tokenFor("/api/plans/" + plan + "/verify")).body();
        assertThat(verify.get("findings")).anySatisfy(f -> {
            assertThat(f.get("kind").asText()).isEqualTo("SNAPSHOT_MISMATCH");
            assertThat(f.get("message").asText()).contains("ghi mã băm khác với sự kiện số " + version);
        });
    }

    private Map<String, Object> snapshotOf(String planId) {
        return jdbc.queryForList("select sequence_number, payload, meta_data from snapshot_event_entry "
                + "where aggregate_identifier = ?", planId).stream().findFirst().orElse(null);
    }

    private long version(String planId) {
        return jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, planId);
    }

    private String storedHash(String planId, long sequence) throws Exception {
        byte[] meta = jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", byte[].class, planId, sequence);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(meta).get("hash").asText();
    }

    private double discards() {
        return meters.find("caitien.chain.snapshots.discarded").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
