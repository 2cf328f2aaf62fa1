package vn.caitien.monitoring.rebuild;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.Money;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.monitoring.messaging.ConsumerConfiguration;
import vn.caitien.monitoring.progress.ReadModelRebuilt;
import vn.caitien.monitoring.support.Api;
import vn.caitien.monitoring.support.Users;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static vn.caitien.monitoring.rebuild.RebuildEvents.added;
import static vn.caitien.monitoring.rebuild.RebuildEvents.created;
import static vn.caitien.monitoring.rebuild.RebuildEvents.details;
import static vn.caitien.monitoring.rebuild.RebuildEvents.progress;
import static vn.caitien.monitoring.rebuild.RebuildEvents.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bulk rebuild against the real PostgreSQL and Kafka: it leaves exactly the rows the events left
 * one by one, the processor goes on with the first record after it, events published meanwhile are
 * applied, and open dashboards hear of it once. Every test rebuilds on its own, on a topic holding
 * only records the bulk path can apply (those it cannot are {@link RebuildFallbackTest}'s).
 */
@Tag("integration")
class ProjectionRebuildTest extends RebuildOnOwnTopic {
    @RegisterExtension
    static final OwnTopic OWN = new OwnTopic("monitoring_rebuild_test", "caitien.rebuild-test.events",
            "caitien.rebuild-test.progress");
    static final String P1 = "rb-" + RUN + "-1";
    static final String P2 = "rb-" + RUN + "-2";
    static final String P3 = "rb-" + RUN + "-3";
    /** Ids of the events of {@link #publishScript()}, once it has run. */
    static Set<String> scripted;
    static final List<ReadModelRebuilt> announced = new CopyOnWriteArrayList<>();
    static final AtomicBoolean listening = new AtomicBoolean();
    ScriptedEvents script;

    @DynamicPropertySource
    static void ownSchemaAndTopic(DynamicPropertyRegistry registry) { OWN.register(registry); }

    @Autowired
    void listen(ConfigurableApplicationContext context) {
        if (listening.compareAndSet(false, true)) context.addApplicationListener(ApplicationListener.<ReadModelRebuilt>forPayload(announced::add));
    }

    /** P1 to P3 are on the topic, once, and applied, before whichever test runs first. */
    @BeforeEach
    void scriptPublished() {
        script = OWN.script();
        if (scripted == null) {
            publishScript();
            // The first records this class publishes: the publisher's ids so far are the script's.
            scripted = Set.copyOf(script.appliedIds());
        }
        awaitMarked(scripted);
    }

    @Test
    void theBulkRebuildLeavesExactlyTheRowsTheEventsLeftOneByOne() {
        awaitMarked(script.appliedIds());
        ReadModelRows incremental = ReadModelRows.of(jdbc);
        assertThat(incremental.items()).anyMatch(row -> row.contains(P1)).anyMatch(row -> row.contains(P2));
        List<String> constraints = constraints();
        int announcedBefore = announced.size();

        JsonNode done = rebuild();
        assertThat(done.get("phase").asText()).isEqualTo("DONE");
        assertThat(done.get("message").asText()).startsWith("Đã dựng lại xong:");
        assertThat(done.get("eventsDone").asLong()).isEqualTo(done.get("eventsTotal").asLong()).isPositive();
        ReadModelRows rebuilt = ReadModelRows.of(jdbc);
        rebuilt.assertSameAs(incremental);
        assertThat(rebuilt.chainHeads()).isNotEmpty();
        assertThat(deadLetters.counts().letters()).isZero();
        // The foreign keys set aside for the copy are back as they were.
        assertThat(constraints()).isEqualTo(constraints).hasSizeGreaterThanOrEqualTo(2);
        // Dashboards hear once that everything changed: every plan of the read model, the script's among them.
        // The status reads DONE just before the announcement goes out.
        await().atMost(Duration.ofSeconds(10)).until(() -> announced.size() > announcedBefore);
        assertThat(announced).hasSize(announcedBefore + 1);
        List<String> plans = jdbc.queryForList("select plan_id from plan_progress", String.class);
        assertThat(plans).contains(P1, P2, P3);
        assertThat(announced.get(announcedBefore).planIds()).containsExactlyInAnyOrderElementsOf(plans);
    }

    @Test
    void theProcessorGoesOnWithTheFirstRecordAfterTheRebuild() throws Exception {
        rebuild();
        Map<TopicPartition, Long> end = positions.endOffsets();
        // A Kafka tracking token holds the last offset consumed; the processor seeks to it plus one.
        TrackingToken token = tokenStore.fetchToken(ConsumerConfiguration.PROCESSOR, 0);
        assertThat(token).isInstanceOf(KafkaTrackingToken.class);
        end.forEach((partition, next) -> {
            if (next > 0) assertThat(((KafkaTrackingToken) token).getPositions()).containsEntry(partition, next - 1);
        });
        assertThat(positions.consumedTotal()).isEqualTo(positions.endOffsetTotal());
        // One new plan on every partition: each is applied.
        List<String> plans = onePlanPerPartition("rb-" + RUN + "-sau");
        Set<String> ids = new HashSet<>();
        for (String plan : plans) ids.add(script.publish(plan, created(plan, "Trường Sau Dựng Lại", null), Instant.now(), "Hội đồng"));
        awaitMarked(ids);
        assertThat(jdbc.queryForObject("select count(*) from plan_progress where plan_id = any(?)", Long.class,
                (Object) plans.toArray(String[]::new))).isEqualTo(plans.size());
    }

    @Test
    void eventsPublishedWhileTheRebuildRunsAreApplied() throws Exception {
        String plan = "rb-" + RUN + "-dong-thoi";
        awaitMarked(Set.of(script.publish(plan, created(plan, "Trường Đồng Thời", null), T, "Hội đồng"),
                script.publish(plan, added(plan, "muc", "1.1", "Mục tiêu"), T.plusSeconds(1), "Hội đồng")));
        AtomicBoolean stop = new AtomicBoolean();
        List<Instant> sentAt = new CopyOnWriteArrayList<>();
        Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread publisher = new Thread(() -> {
            for (int n = 0; !stop.get() && n < 50_000; n++) {
                String code = "[H" + (n % 999 + 1) + "-1.1-" + (n / 999 + 1) + "]";
                ids.add(script.publish(plan, progress(plan, "muc", ProgressStatus.DANG_THUC_HIEN, n % 100, null,
                        LocalDate.of(2024, 1, 1).plusDays(n), List.of(code), Map.of()), T.plusSeconds(10 + n), "Mai"));
                sentAt.add(Instant.now());
            }
        }, "rebuild-test-publisher");
        publisher.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> sentAt.size() >= 20);
        JsonNode done = rebuild();
        await().atMost(Duration.ofSeconds(10)).until(() -> sentAt.stream().anyMatch(at -> at.isAfter(Instant.parse(done.get("finishedAt").asText()))));
        stop.set(true);
        publisher.join();
        Instant started = Instant.parse(done.get("startedAt").asText());
        Instant finished = Instant.parse(done.get("finishedAt").asText());
        assertThat(sentAt).anyMatch(at -> at.isAfter(started) && at.isBefore(finished));
        assertThat(done.get("message").asText()).startsWith("Đã dựng lại xong:");
        awaitMarked(ids);
        // Every record added a code of its own: all of them are there, none twice.
        Integer codes = jdbc.queryForObject("select cardinality(evidence_codes) from item_progress where plan_id = ?",
                Integer.class, plan);
        assertThat(codes).isEqualTo(ids.size());
    }

    @Test
    void openDashboardsHearOnceThatEverythingChanged() throws Exception {
        for (int i = 0; i < 120; i++) {
            String plan = "rb-" + RUN + "-nhieu-" + i;
            script.publish(plan, created(plan, "Trường " + i, null), Instant.now(), "Hội đồng");
        }
        awaitMarked(script.appliedIds());
        List<String> heard = new CopyOnWriteArrayList<>();
        java.net.http.HttpRequest subscribe = java.net.http.HttpRequest.newBuilder(api.uri("/api/stream"))
                .header("Authorization", "Bearer " + Users.ADMIN.token()).header("Accept", "text/event-stream").build();
        var stream = Api.client().sendAsync(subscribe, java.net.http.HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().filter(line -> line.startsWith("data:")).forEach(heard::add));
        Thread.sleep(500);
        rebuild();
        await().atMost(Duration.ofSeconds(60)).until(() -> !heard.isEmpty());
        Thread.sleep(2000);
        stream.cancel(true);
        // One change without a plan id (every page re-reads once), not one per plan or per event.
        assertThat(heard).containsExactly("data:{}");
    }

    // ---- the script ----

    private void publishScript() {
        T0 t = new T0();
        script.publish(P1, created(P1, "Trường Tiểu học Dựng Lại", "79099001"), t.next(), "Hội đồng - Lưu Phong");
        script.publish(P1, added(P1, "a", "1.1", "Mục tiêu a"), t.next(), "Hội đồng");
        int addB = script.sentCount();
        script.publish(P1, added(P1, "b", "1.2", "Mục tiêu b\tcó tab\nvà dòng mới \\ gạch"), t.next(), "Hội đồng");
        script.publish(P1, added(P1, "c", "1.3", "Mục tiêu c"), t.next(), "Hội đồng");
        script.publish(P1, new ActionItemUpdated(PlanId.of(P1), ActionItemId.of("b"), details("2.1", "Mục tiêu b mới",
                new Budget(Money.of(12_000_000), true, "Ngân sách", "ghi chú \"trích dẫn\"", "12 triệu/NH")), null), t.next(), "Hội đồng");
        script.publish(P1, new ActionItemRemoved(PlanId.of(P1), ActionItemId.of("c"), null), t.next(), "Hội đồng");
        script.publish(P1, added(P1, "d", "1.4", "Mục tiêu d"), t.next(), "Hội đồng");
        script.publish(P1, added(P1, "a", "5.5", "Thêm lại a: không đổi gì"), t.next(), "Hội đồng");
        script.publish(P1, new PlanApproved(PlanId.of(P1), LocalDate.of(2023, 9, 15), "Trần Hùng"), t.next(), "Hiệu trưởng");
        int firstProgress = script.sentCount();
        script.publish(P1, progress(P1, "a", ProgressStatus.DANG_THUC_HIEN, 40, 1_000L, LocalDate.of(2024, 1, 10),
                List.of("[H1-1.1-02]"), Map.of("Sĩ số", BigDecimal.valueOf(30))), t.next(), "Tổ giám sát - Mai");
        script.publish(P1, progress(P1, "a", ProgressStatus.HOAN_THANH, 100, 9_000L, LocalDate.of(2023, 12, 1),
                List.of("[H1-1.10-01]", "[H2-1.1-01]", "MC.1.1.01"), Map.of("Sĩ số", BigDecimal.valueOf(99))), t.next(), "Tổ giám sát - Lan");
        script.publish(P1, progress(P1, "a", ProgressStatus.CHAM_TIEN_DO, null, null, LocalDate.of(2024, 1, 10),
                List.of("[H1-1.1-10]", "[H1-1.1-02]"), Map.of("Tỷ lệ", new BigDecimal("1.50"))), t.next(), "Tổ giám sát - Mai");
        script.publish(P1, progress(P1, "a", ProgressStatus.HOAN_THANH, 70, 2_000L, LocalDate.of(2024, 2, 1),
                List.of("[H3-1.1-01]"), Map.of("Sĩ số", BigDecimal.valueOf(31))), t.next(), "Tổ giám sát - Mai");
        script.publish(P1, progress(P1, "c", ProgressStatus.DANG_THUC_HIEN, 5, null, LocalDate.of(2024, 1, 5),
                List.of(), Map.of()), t.next(), "Tổ giám sát - Mai");
        script.publish(P1, progress(P1, "khong-co", ProgressStatus.DANG_THUC_HIEN, 5, null, LocalDate.of(2024, 1, 5),
                List.of("[H1-1.1-01]"), Map.of()), t.next(), "Tổ giám sát - Mai");
        // varchar(300) cuts trailing spaces past the limit.
        script.publish(P1, progress(P1, "b", ProgressStatus.DANG_THUC_HIEN, 10, 500L, LocalDate.of(2024, 3, 1),
                List.of(), Map.of()), t.next(), "Đ".repeat(300) + "   ");
        script.publish(P1, report(P1, ReportPeriod.DAU_NAM, 1, LocalDate.of(2023, 10, 30)), t.next(), "Hiệu trưởng");
        script.publish(P1, report(P1, ReportPeriod.DAU_NAM, 2, LocalDate.of(2023, 11, 2)), t.next(), "Hiệu trưởng");
        script.publish(P1, report(P1, ReportPeriod.DAU_NAM, 1, LocalDate.of(2023, 11, 9)), t.next(), "Người khác");
        script.publish(P1, report(P1, ReportPeriod.CUOI_HK1, 1, null), t.next(), null);
        // Approval sets updated_at outright, to an earlier time; a later event older still does not lower it.
        script.publish(P1, new PlanApproved(PlanId.of(P1), LocalDate.of(2023, 9, 16), "Trần Hùng"), T.plusSeconds(5), "Hiệu trưởng");
        script.publish(P1, progress(P1, "d", ProgressStatus.DANG_THUC_HIEN, 1, null, LocalDate.of(2024, 1, 1),
                List.of(), Map.of()), T.plusSeconds(3), "Tổ giám sát - Mai");
        script.publish(P1, created(P1, "Tạo lại: không đổi gì", "1"), t.next(), "Hội đồng");
        // Duplicates of earlier records, as at-least-once delivery sends them.
        script.resend(addB);
        script.resend(firstProgress);
        script.resend(firstProgress + 1);
        // Records the converter skips: no event, no mark.
        script.publishRaw(P1, "{\"specversion\": \"1.0\", \"id\": \"x\", \"type\": \"vn.caitien.plan.Unknown\", \"data\": {}}");
        script.publishRaw(P1, "không phải JSON");

        // A draft without a school code; progress out of effective-date order.
        script.publish(P2, created(P2, "Trường Mầm non Không Mã", null), t.next(), "Hội đồng");
        script.publish(P2, added(P2, "x", "1.1", "Mục tiêu x"), t.next(), "Hội đồng");
        script.publish(P2, added(P2, "y", "1.2", "Mục tiêu y"), t.next(), "Hội đồng");
        script.publish(P2, progress(P2, "y", ProgressStatus.DANG_THUC_HIEN, 50, 10L, LocalDate.of(2024, 4, 1),
                List.of("[H1-1.2-01]"), Map.of()), t.next(), "Mai");
        script.publish(P2, progress(P2, "y", ProgressStatus.DANG_THUC_HIEN, 20, 5L, LocalDate.of(2024, 2, 1),
                List.of("[H1-1.2-02]"), Map.of()), t.next(), "Lan");
        script.publish(P2, new ActionItemRemoved(PlanId.of(P2), ActionItemId.of("x"), null), t.next(), "Hội đồng");
        script.publish(P2, report(P2, ReportPeriod.CUOI_NAM, 1, LocalDate.of(2024, 5, 30)), t.next(), "Hiệu trưởng");
        // A plan naming no school.
        script.publish(P3, new PlanCreated(PlanId.of(P3), null, "TT19-2018", SchoolYear.parse("2023-2024"), null, null, null,
                List.of(), null), t.next(), null);
    }

    private static final class T0 {
        private int n;

        Instant next() { return T.plusSeconds(10L + n++); }
    }
}
