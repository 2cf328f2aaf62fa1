package vn.caitien.planservice.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.PlanBodies;
import vn.caitien.planservice.ApiTestSupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Optimistic concurrency over HTTP: GET gives the plan's version (sequence number of its last event) as
 * ETag and in the body; a command with If-Match applies only to that version, otherwise 409 with the
 * current version and nothing stored; a command without If-Match that loses a race in the event store
 * is decided again.
 */
class VersionApiTest extends ApiTestSupport {
    static final String PLAN = PlanBodies.PLAN;
    static final String ITEM = """
            {"criterionCode": "3.4", "targetResult": "%s", "tasks": ["Sửa chữa"], "lead": "Hiệu trưởng"}""";
    static final String PROGRESS = PlanBodies.PROGRESS;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    Api api;
    String plan;
    String item;

    @BeforeEach
    void plan() throws Exception {
        api = new Api(port);
        plan = id(api.send("POST", "/api/plans", PLAN, tokenFor("/api/plans")));
        item = id(send("POST", "/items", ITEM.formatted("Đủ phòng vệ sinh"), null));
    }

    @Test
    void aReadGivesTheVersionAsETagAndInTheBody() throws Exception {
        Api.Response read = api.get("/api/plans/" + plan, tokenFor("/api/plans"));
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.body().get("version").asLong()).isEqualTo(1).isEqualTo(storedVersion());
        assertThat(send("PUT", "/items/" + item, ITEM.formatted("Đủ phòng"), "\"1\"").status()).isEqualTo(200);
        assertThat(send("POST", "/approve", "{}", "W/\"2\"").status()).isEqualTo(200);
        assertThat(send("POST", "/items/" + item + "/progress", PROGRESS.formatted(10), "\"3\"").status()).isEqualTo(201);
        Api.Response after = api.get("/api/plans/" + plan, tokenFor("/api/plans"));
        assertThat(after.header("ETag")).isEqualTo("\"4\"");
        assertThat(after.body().get("version").asLong()).isEqualTo(4).isEqualTo(storedVersion());
    }

    @Test
    void aChangeBasedOnAnOlderVersionIs409WithTheCurrentVersionAndStoresNothing() throws Exception {
        assertThat(send("POST", "/items", ITEM.formatted("Thêm"), "\"1\"").status()).isEqualTo(201);
        long before = events();
        for (String stale : List.of("\"1\"", "\"0\"", "\"99\"")) {
            Api.Response refused = send("PUT", "/items/" + item, ITEM.formatted("Sửa"), stale);
            assertConflict(refused, 2, true);
        }
        assertConflict(send("DELETE", "/items/" + item + "?reason=x", null, "\"1\""), 2, true);
        assertConflict(send("POST", "/approve", "{}", "\"1\""), 2, true);
        assertThat(events()).isEqualTo(before);
        assertThat(send("PUT", "/items/" + item, ITEM.formatted("Sửa"), "*").status()).isEqualTo(200);
        for (String malformed : List.of("1.5", "\"abc\"", "\"1\", \"2\"", "\"-1\"")) {
            Api.Response bad = send("PUT", "/items/" + item, ITEM.formatted("Sửa"), malformed);
            assertThat(bad.status()).as(malformed).isEqualTo(400);
            assertThat(bad.body().at("/errors/0/field").asText()).isEqualTo("If-Match");
        }
    }

    @Test
    void ofTwoConcurrentEditsFromTheSameVersionExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                long version = storedVersion();
                String ifMatch = "\"" + version + "\"";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Api.Response>> sent = new ArrayList<>();
                for (String text : List.of("Bản của cô Lan " + round, "Bản của thầy Hùng " + round)) {
                    sent.add(pool.submit(() -> {
                        start.await();
                        return send("PUT", "/items/" + item, ITEM.formatted(text), ifMatch);
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Api.Response> f : sent) {
                    Api.Response r = f.get();
                    statuses.add(r.status());
                    if (r.status() == 409) assertConflict(r, version + 1, true);
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
                assertThat(storedVersion()).isEqualTo(version + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Another instance of the service appends first (simulated: a row for the next sequence number,
     * inserted in an open transaction and committed while the command waits on it): without If-Match the
     * command is decided again on the plan as it now is and stored after it, an item edit as progress.
     */
    @Test
    void losingTheAppendRaceWithoutIfMatchIsDecidedAgain() throws Exception {
        long version = storedVersion();
        Api.Response edited = racedWithAnotherWriter(version,
                () -> send("PUT", "/items/" + item, ITEM.formatted("Chậm chân"), null));
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
        assertThat(storedVersion()).isEqualTo(version + 2);

        assertThat(send("POST", "/approve", "{}", null).status()).isEqualTo(200);
        version = storedVersion();
        Api.Response retried = racedWithAnotherWriter(version,
                () -> send("POST", "/items/" + item + "/progress", PROGRESS.formatted(30), null));
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(201);
        assertThat(storedVersion()).isEqualTo(version + 2);
    }

    interface Request {
        Api.Response send() throws Exception;
    }

    private Api.Response racedWithAnotherWriter(long version, Request request) throws Exception {
        // The copy must be an event the plan can replay: repeat the last item event, or the approval.
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            AnotherWriter.appendCopyOfEvent(jdbc, other, plan, version);
            CompletableFuture<Api.Response> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return request.send();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'INSERT%'",
                    Long.class) > 0);
            other.commit();
            return answer.get();
        }
    }

    private void assertConflict(Api.Response response, long current, boolean conditional) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(409);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body().path("currentVersion").asLong(-1)).as(response.body().toString()).isEqualTo(current);
        assertThat(response.header("ETag")).isEqualTo("\"" + current + "\"");
        assertThat(response.body().get("title").asText()).isEqualTo("Kế hoạch vừa được người khác thay đổi");
        assertThat(response.body().get("detail").asText())
                .isEqualTo("Kế hoạch đã thay đổi (phiên bản hiện tại " + current + "); hãy tải lại rồi thử lại");
        if (conditional) assertThat(response.body().at("/errors/0/field").asText()).isEqualTo("If-Match");
    }

    private Api.Response send(String method, String path, String body, String ifMatch) throws Exception {
        String full = "/api/plans/" + plan + path;
        return api.send(method, full, body, tokenFor(full), ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private long storedVersion() {
        return jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, plan);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    static String id(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("id").asText();
    }
}
