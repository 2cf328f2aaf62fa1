package vn.caitien.planservice.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.web.RememberedAnswers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key without poisoned keys: a command that loses the append race is decided again inside its
 * request when the client sent no If-Match; a 409 is never remembered as a key's answer; remembered answers
 * expire.
 */
class IdempotentConflictTest extends ApiTestSupport {
    private static final int COMMANDS = 320;
    private static final int ROWS = 16;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RememberedAnswers remembered;
    Api api;
    String plan;

    @BeforeEach
    void plan() throws Exception {
        api = new Api(port);
        plan = VersionApiTest.id(api.send("POST", "/api/plans", VersionApiTest.PLAN, tokenFor("/api/plans")));
    }

    @Test
    void manyConcurrentCommandsWithKeysOnOnePlanAllSucceedAndEachIsStoredOnce() throws Exception {
        // Edits of a few rows: a plan holds at most caitien.plan.limits.max-items rows, but any number of edits.
        List<String> items = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            items.add(VersionApiTest.id(send("POST", "/items", VersionApiTest.ITEM.formatted("Dòng " + i),
                    UUID.randomUUID().toString(), null)));
        }
        long before = events();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) keys.add(UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < COMMANDS; i++) {
                String body = VersionApiTest.ITEM.formatted("Nội dung số " + i);
                String key = keys.get(i);
                String item = items.get(i % ROWS);
                answers.add(pool.submit(() -> send("PUT", "/items/" + item, body, key, null)));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> refusals = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                Api.Response r = answer.get();
                statuses.merge(r.status(), 1, Integer::sum);
                if (r.status() != 200 && refusals.size() < 3) refusals.add(r.body().toString());
            }
            assertThat(statuses).as("statuses %s, e.g. %s", statuses, refusals).isEqualTo(Map.of(200, COMMANDS));
        } finally {
            pool.shutdownNow();
        }
        assertThat(events()).isEqualTo(before + COMMANDS);
        assertThat(jdbc.queryForObject("select count(*) from idempotent_request where idempotency_key = any(?) and status = 200",
                Long.class, (Object) keys.toArray(String[]::new))).isEqualTo(COMMANDS);
        // A retry of any of them replays its answer and stores nothing more.
        Api.Response again = send("PUT", "/items/" + items.get(7 % ROWS), VersionApiTest.ITEM.formatted("Nội dung số 7"),
                keys.get(7), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events()).isEqualTo(before + COMMANDS);
    }

    @Test
    void aConflictWithIfMatchIsNotRememberedSoTheRetryWithAFreshVersionSucceeds() throws Exception {
        String item = VersionApiTest.id(send("POST", "/items", VersionApiTest.ITEM.formatted("Đủ phòng"), UUID.randomUUID().toString(), null));
        String key = UUID.randomUUID().toString();
        String edit = VersionApiTest.ITEM.formatted("Đủ phòng học");
        Api.Response stale = send("PUT", "/items/" + item, edit, key, "\"0\"");
        assertThat(stale.status()).as(stale.body().toString()).isEqualTo(409);
        assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from idempotent_request where idempotency_key = ?", Long.class, key))
                .isZero();

        Api.Response fresh = send("PUT", "/items/" + item, edit, key, stale.header("ETag"));
        assertThat(fresh.status()).as(fresh.body().toString()).isEqualTo(200);
        assertThat(fresh.header("Idempotent-Replayed")).isNull();
        Api.Response replay = send("PUT", "/items/" + item, edit, key, stale.header("ETag"));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storedVersion()).isEqualTo(2);
    }

    @Test
    void anExpiredAnswerIsNotReplayedAndTheCleanupDeletesIt() throws Exception {
        String body = VersionApiTest.ITEM.formatted("Sân chơi");
        String key = UUID.randomUUID().toString();
        assertThat(send("POST", "/items", body, key, null).status()).isEqualTo(201);
        long version = storedVersion();
        age(key, remembered.rememberFor().plusMinutes(1));

        Api.Response afterExpiry = send("POST", "/items", body, key, null);
        assertThat(afterExpiry.status()).isEqualTo(201);
        assertThat(afterExpiry.header("Idempotent-Replayed")).isNull();
        assertThat(storedVersion()).isEqualTo(version + 1);

        String kept = UUID.randomUUID().toString();
        assertThat(send("POST", "/items", VersionApiTest.ITEM.formatted("Thư viện"), kept, null).status()).isEqualTo(201);
        age(key, remembered.rememberFor().plusMinutes(1));
        age(kept, remembered.rememberFor().minusMinutes(1));
        assertThat(remembered.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select idempotency_key from idempotent_request where idempotency_key in (?, ?)",
                String.class, key, kept)).containsExactly(kept);
    }

    private void age(String key, java.time.Duration age) {
        jdbc.update("update idempotent_request set created_at = now() - make_interval(secs => ?) where idempotency_key = ?",
                (double) age.toSeconds(), key);
    }

    private Api.Response send(String method, String path, String body, String key, String ifMatch) throws Exception {
        String full = "/api/plans/" + plan + path;
        Map<String, String> headers = ifMatch == null ? Map.of("Idempotency-Key", key)
                : Map.of("Idempotency-Key", key, "If-Match", ifMatch);
        return api.send(method, full, body, tokenFor(full), headers);
    }

    private long storedVersion() {
        return jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, plan);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, plan);
    }
}
