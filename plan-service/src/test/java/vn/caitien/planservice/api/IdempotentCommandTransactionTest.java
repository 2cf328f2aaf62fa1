package vn.caitien.planservice.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A command sent with an Idempotency-Key runs in one transaction with its remembered answer: a refusal
 * is remembered, a lost append race for progress is retried inside it, and a retry that arrives while
 * the first request runs waits for it and gets its answer.
 */
class IdempotentCommandTransactionTest extends ApiTestSupport {
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
        plan = VersionApiTest.id(api.send("POST", "/api/plans", VersionApiTest.PLAN, tokenFor("/api/plans")));
        item = VersionApiTest.id(send("/items", VersionApiTest.ITEM.formatted("Đủ phòng vệ sinh"), UUID.randomUUID().toString()));
        assertThat(send("/approve", "{}", UUID.randomUUID().toString()).status()).isEqualTo(200);
    }

    @Test
    void aRefusalIsRememberedAndNothingIsStored() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = events();
        Api.Response refused = send("/items/" + item + "/progress", VersionApiTest.PROGRESS.formatted(120), key);
        assertThat(refused.status()).isEqualTo(400);
        Api.Response again = send("/items/" + item + "/progress", VersionApiTest.PROGRESS.formatted(120), key);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void progressThatLosesTheAppendRaceIsDecidedAgainInsideTheSameTransaction() throws Exception {
        String key = UUID.randomUUID().toString();
        long version = jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, plan);
        Api.Response answer;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            AnotherWriter.appendCopyOfEvent(jdbc, other, plan, version);
            CompletableFuture<Api.Response> pending = CompletableFuture.supplyAsync(() -> {
                try {
                    return send("/items/" + item + "/progress", VersionApiTest.PROGRESS.formatted(30), key);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'INSERT%'",
                    Long.class) > 0);
            // A retry now waits for the first request instead of being turned away.
            CompletableFuture<Api.Response> retry = CompletableFuture.supplyAsync(() -> {
                try {
                    return send("/items/" + item + "/progress", VersionApiTest.PROGRESS.formatted(30), key);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            other.commit();
            answer = pending.get();
            Api.Response retried = retry.get();
            assertThat(retried.status()).as(retried.body().toString()).isEqualTo(201);
            assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        }
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, plan)).isEqualTo(version + 2);
        assertThat(jdbc.queryForObject("select status from idempotent_request where idempotency_key = ?", Integer.class, key))
                .isEqualTo(201);
    }

    private Api.Response send(String path, String body, String key) throws Exception {
        String full = "/api/plans/" + plan + path;
        return api.send("POST", full, body, tokenFor(full), Map.of("Idempotency-Key", key));
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, plan);
    }
}
