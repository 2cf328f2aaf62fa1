package vn.caitien.monitoring.rebuild;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
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
import vn.caitien.infra.SharedTestStack;
import vn.caitien.monitoring.messaging.ConsumerConfiguration;
import vn.caitien.readside.deadletter.DeadLetters;
import vn.caitien.readside.lag.TopicPositions;
import vn.caitien.monitoring.progress.ReadModelRebuilt;
import vn.caitien.monitoring.support.Api;
import vn.caitien.monitoring.support.Users;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 * applied, and a record it cannot apply sends it back to the per-event replay (last: that record stays
 * on the topic).
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionRebuildTest {
    /** A topic and schema of its own: its plans and its poison event stay out of the other tests' read model. */
    static final String TOPIC = "caitien.rebuild-test.events";
    static final Instant T = Instant.parse("2024-01-01T00:00:00.123456789Z");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String P1 = "rb-" + RUN + "-1";
    static final String P2 = "rb-" + RUN + "-2";
    static final String P3 = "rb-" + RUN + "-3";
    static ScriptedEvents script;
    static final List<ReadModelRebuilt> announced = new CopyOnWriteArrayList<>();
    static final AtomicBoolean listening = new AtomicBoolean();
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    @Autowired
    TopicPositions positions;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    DeadLetters deadLetters;

    @DynamicPropertySource
    static void ownSchemaAndTopic(DynamicPropertyRegistry registry) {
        SharedTestStack.serviceProperties("monitoring_rebuild_test").forEach(registry::add);
        registry.add("spring.flyway.schemas", () -> "monitoring_rebuild_test");
        registry.add("axon.kafka.default-topic", () -> TOPIC);
        registry.add("caitien.progress-topic", () -> "caitien.rebuild-test.progress");
    }

    @BeforeAll
    static void topicAndPublisher() throws Exception {
        String bootstrap = SharedTestStack.stack().kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1), new NewTopic("caitien.rebuild-test.progress", 3,
                    (short) 1))).all().get();
        }
        script = new ScriptedEvents(bootstrap, TOPIC);
    }

    @BeforeEach
    void api() { api = new Api(port); }

    @AfterAll
    static void close() { script.close(); }

    @Autowired
    void listen(ConfigurableApplicationContext context) {
        if (listening.compareAndSet(false, true)) context.addApplicationListener(ApplicationListener.<ReadModelRebuilt>forPayload(announced::add));
    }

    @Test
    @Order(1)
    void theBulkRebuildLeavesExactlyTheRowsTheEventsLeftOneByOne() {
        publishScript();
        awaitMarked(script.appliedIds());
        ReadModelRows incremental = ReadModelRows.of(jdbc);
        assertThat(incremental.items()).anyMatch(row -> row.contains(P1)).anyMatch(row -> row.contains(P2));
        List<String> constraints = constraints();

        JsonNode done = rebuild();
        assertThat(done.get("phase").asText()).isEqualTo("DONE");
        assertThat(done.get("message").asText()).startsWith("Đã dựng lại xong:");
        assertThat(done.get("eventsDone").asLong()).isEqualTo(done.get("eventsTotal").asLong()).isPositive();
        ReadModelRows rebuilt = ReadModelRows.of(jdbc);
        assertThat(rebuilt.plans()).containsExactlyElementsOf(incremental.plans());
        assertThat(rebuilt.items()).containsExactlyElementsOf(incremental.items());
        assertThat(rebuilt.reports()).containsExactlyElementsOf(incremental.reports());
        assertThat(rebuilt.marks()).isEqualTo(incremental.marks());
        assertThat(rebuilt.chainHeads()).containsExactlyElementsOf(incremental.chainHeads()).isNotEmpty();
        assertThat(deadLetters.counts().letters()).isZero();
        // The foreign keys set aside for the copy are back as they were.
        assertThat(constraints()).isEqualTo(constraints).hasSizeGreaterThanOrEqualTo(2);
        // Dashboards hear once that everything changed.
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0).planIds()).containsExactlyInAnyOrder(P1, P2, P3);
    }

    @Test
    @Order(2)
    void theProcessorGoesOnWithTheFirstRecordAfterTheRebuild() throws Exception {
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
    @Order(3)
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
    @Order(4)
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

    @Test
    @Order(5)
    void aRecordTheBulkPathCannotApplyFallsBackToTheEventByEventReplay() throws Exception {
        String poison = "rb-" + RUN + "-doc";
        script.publish(poison, added(poison, "muc", "1.4", "Nội dung của kế hoạch chưa tạo"), Instant.now(), "Hội đồng");
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.list().stream().anyMatch(l -> l.planId().equals(poison)));
        ReadModelRows incremental = ReadModelRows.of(jdbc);

        JsonNode done = rebuild();
        assertThat(done.get("message").asText()).contains("phát lại từng sự kiện").contains(poison);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.list().stream().anyMatch(l -> l.planId().equals(poison)));
        ReadModelRows replayed = ReadModelRows.of(jdbc);
        assertThat(replayed.plans()).containsExactlyElementsOf(incremental.plans());
        assertThat(replayed.items()).containsExactlyElementsOf(incremental.items());
        assertThat(replayed.reports()).containsExactlyElementsOf(incremental.reports());
        assertThat(replayed.marks()).isEqualTo(incremental.marks());
        assertThat(replayed.chainHeads()).containsExactlyElementsOf(incremental.chainHeads());
    }

    @Test
    @Order(6)
    void aForgedRecordOnTheTopicIsParkedByTheRebuildAsLiveAndTheGenuineOnesAreApplied() {
        String plan = "rb-" + RUN + "-gia";
        String genuine0 = script.publish(plan, created(plan, "Trường Thật", null), Instant.now(), "Hội đồng");
        // Unsealed, as kcat would produce it; then the genuine sequence 1 and, sealed, a second sequence 1.
        script.publishUnsealed(plan, added(plan, "gia", "1.1", "Nội dung giả"), 1);
        String genuine1 = script.publish(plan, added(plan, "that", "1.2", "Nội dung thật"), Instant.now(), "Hội đồng");
        script.publishAt(plan, added(plan, "gia-2", "1.3", "Nội dung giả trùng số"), 1);
        awaitMarked(Set.of(genuine0, genuine1));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.list().stream().filter(l -> l.planId().equals(plan)).count() == 2);
        ReadModelRows live = ReadModelRows.of(jdbc);

        JsonNode done = rebuild();
        assertThat(done.get("message").asText()).contains("phát lại từng sự kiện");
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.list().stream().filter(l -> l.planId().equals(plan)).count() == 2);
        ReadModelRows replayed = ReadModelRows.of(jdbc);
        assertThat(replayed.items()).containsExactlyElementsOf(live.items())
                .anyMatch(row -> row.contains("item_id=that")).noneMatch(row -> row.contains("item_id=gia"));
        assertThat(replayed.chainHeads()).containsExactlyElementsOf(live.chainHeads());
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

    // ---- helpers ----

    /** Starts a rebuild as the administrator and waits until it is no longer running. */
    private JsonNode rebuild() {
        Api.Response started = api.send("POST", "/api/admin/rebuild", Users.ADMIN.token());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/admin/rebuild", Users.ADMIN.token()).json(),
                        s -> !"RUNNING".equals(s.get("state").asText()));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
        return done;
    }

    private List<String> constraints() {
        return jdbc.queryForList("""
                select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
                where conrelid in ('plan_progress'::regclass, 'item_progress'::regclass, 'report_submission'::regclass)
                order by 1""", String.class);
    }

    private void awaitMarked(Collection<String> ids) {
        String[] wanted = ids.toArray(String[]::new);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where processor_name = 'monitoring' and event_id = any(?)",
                Long.class, (Object) wanted) == wanted.length);
    }

    /** Plan ids whose records land on each partition of the topic (Kafka's default partitioner: murmur2 of the key). */
    private static List<String> onePlanPerPartition(String prefix) {
        List<String> plans = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; covered.size() < 3; i++) {
            String plan = prefix + "-" + i;
            int partition = Utils.toPositive(Utils.murmur2(plan.getBytes(StandardCharsets.UTF_8))) % 3;
            if (covered.add(partition)) plans.add(plan);
        }
        return plans;
    }
}
