package vn.caitien.planservice.commit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.PlanBodies;
import vn.caitien.planservice.commit.InjectedFailures.Point;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledgement never precedes the commit, whatever fails in the request thread: an OutOfMemoryError is
 * thrown once at each point between the command, its commit and the response ({@link InjectedFailures}), with
 * and without an Idempotency-Key. Afterwards: a 2xx has its event stored (and, with a key, its remembered
 * answer); a 5xx or no answer at all with a key, retried with the same key, ends in exactly one event and the same answer as a
 * replay; and the next commands, on the same (only) worker thread, are stored when they say they are — a
 * transaction left open by the failure would swallow them (the 201s without event of issue 12).
 */
@Import(InjectedFailures.class)
// One worker thread, so a transaction left behind would meet the next requests. No Kafka publisher: a second one
// in the same JVM would claim the shared token as the same owner and publish every event twice.
@TestPropertySource(properties = {"server.tomcat.threads.max=1", "server.tomcat.threads.min-spare=1",
        "axon.kafka.publisher.enabled=false"})
@DirtiesContext
class AcknowledgedMeansCommittedTest extends ApiTestSupport {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    String plan;
    String item;

    @BeforeEach
    void approvedPlan() throws Exception {
        api = new Api(port);
        plan = id(api.send("POST", "/api/plans", PlanBodies.PLAN, tokenFor("/api/plans")));
        String items = "/api/plans/" + plan + "/items";
        item = id(api.send("POST", items, """
                {"criterionCode": "3.4", "targetResult": "Đủ phòng học", "tasks": ["Sửa chữa"], "lead": "Hiệu trưởng"}""",
                tokenFor(items)));
        String approve = "/api/plans/" + plan + "/approve";
        assertThat(api.send("POST", approve, "{}", tokenFor(approve)).status()).isEqualTo(200);
    }

    @TestFactory
    Stream<DynamicTest> anOutOfMemoryErrorAnywhereNeverYieldsAnAcknowledgementWithoutItsCommit() {
        List<DynamicTest> cases = new ArrayList<>();
        for (Point point : Point.values()) {
            cases.add(DynamicTest.dynamicTest("Idempotency-Key · " + point, () -> withKey(point)));
            cases.add(DynamicTest.dynamicTest("không có Idempotency-Key · " + point, () -> withoutKey(point)));
        }
        return cases.stream();
    }

    private void withKey(Point point) throws Exception {
        String key = UUID.randomUUID().toString();
        long before = events();
        InjectedFailures.arm(point);
        Api.Response first = answerOrNone(Map.of("Idempotency-Key", key));
        assertThat(InjectedFailures.fired()).as("the failure was injected").isTrue();
        if (first != null && first.status() < 300) {
            assertThat(events()).as("acknowledged: stored").isEqualTo(before + 1);
            assertThat(remembered(key)).as("acknowledged: answer remembered").isEqualTo(first.status());
        } else {
            if (first != null) assertThat(first.status()).as(first.body().toString()).isGreaterThanOrEqualTo(500);
            Api.Response retry = progress(Map.of("Idempotency-Key", key));
            assertThat(retry.status()).as("retried with the same key: " + retry.body()).isEqualTo(201);
            assertThat(events()).as("stored exactly once after the retry").isEqualTo(before + 1);
            Api.Response replay = progress(Map.of("Idempotency-Key", key));
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.body()).isEqualTo(retry.body());
        }
        nextCommandsAreStoredWhenAcknowledged();
    }

    private void withoutKey(Point point) throws Exception {
        long before = events();
        InjectedFailures.arm(point);
        Api.Response first = answerOrNone(Map.of());
        assertThat(InjectedFailures.fired()).as("the failure was injected").isTrue();
        if (first != null && first.status() < 300) {
            assertThat(events()).as("acknowledged: stored").isEqualTo(before + 1);
        } else {
            if (first != null) assertThat(first.status()).as(first.body().toString()).isGreaterThanOrEqualTo(500);
            // Without a key a failure after the commit cannot be told from one before it: the client is told the
            // change may not be saved and retries (docs: send an Idempotency-Key to make that safe).
            assertThat(events()).isBetween(before, before + 1);
        }
        nextCommandsAreStoredWhenAcknowledged();
    }

    /** The thread that saw the failure serves the next requests: each acknowledged one must be committed. */
    private void nextCommandsAreStoredWhenAcknowledged() throws Exception {
        for (int i = 0; i < 2; i++) {
            String key = UUID.randomUUID().toString();
            long before = events();
            Api.Response keyed = progress(Map.of("Idempotency-Key", key));
            assertThat(keyed.status()).as(keyed.body().toString()).isEqualTo(201);
            assertThat(events()).as("a later acknowledged command is stored").isEqualTo(before + 1);
            assertThat(remembered(key)).as("and its answer remembered").isEqualTo(201);
            Api.Response plain = progress(Map.of());
            assertThat(plain.status()).as(plain.body().toString()).isEqualTo(201);
            assertThat(events()).as("a later acknowledged command is stored").isEqualTo(before + 2);
        }
    }

    /** The answer, or null when the connection ended without one (an Error after the commit): no acknowledgement. */
    private Api.Response answerOrNone(Map<String, String> headers) throws Exception {
        try {
            return progress(headers);
        } catch (java.io.IOException connectionEnded) {
            return null;
        }
    }

    private Api.Response progress(Map<String, String> headers) throws Exception {
        String path = "/api/plans/" + plan + "/items/" + item + "/progress";
        return api.send("POST", path, PlanBodies.PROGRESS.formatted(40), tokenFor(path), headers);
    }

    /** Events committed, as another connection sees them. */
    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, plan);
    }

    private Integer remembered(String key) {
        return jdbc.query("select status from idempotent_request where idempotency_key = ?",
                rs -> rs.next() ? rs.getInt(1) : null, key);
    }

    private static String id(Api.Response created) {
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }
}
