package vn.caitien.planservice.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.documents.hostile.HostileFiles;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.Tokens;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are bounded before sign-in, idempotency and parsing (caitien.request.max-body, 1 MB):
 * whoever sends a body of hundreds of megabytes, announced or chunked, to whatever path, gets 413
 * problem+json in Vietnamese, the body is never held in memory, nothing is stored, and the service
 * answers the next request. Each probe prints what it cost the heap.
 */
class OversizedBodyApiTest extends ApiTestSupport {
    static final long MB = 1024 * 1024;
    /** What a probe may cost the heap: a few tens of MB, far below the body it sends. */
    static final long HEAP_BUDGET = 48 * MB;
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReadOnlyOfficersChunked200MbProgressBodyIsRefusedWithoutBeingRead() throws Exception {
        Api api = new Api(port);
        long events = events();
        Api.Response[] answer = new Api.Response[1];
        HeapProbe heap = HeapProbe.measure("200 MB chunked progress body, read-only officer", () ->
                answer[0] = api.send(progress("/api/plans/khong-co-that/items/x/progress", Tokens.officer(Tokens.LDC_UNIT))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> HostileFiles.jsonBody(200 * MB))).build()));
        assertTooLarge(answer[0]);
        assertThat(heap.cost()).isLessThan(HEAP_BUDGET);
        assertThat(events()).isEqualTo(events);
        assertStillAnswers(api);
    }

    @Test
    void anAnnounced200MbBodyIsRefusedBeforeSignIn() throws Exception {
        Api api = new Api(port);
        Api.Response[] answer = new Api.Response[1];
        HeapProbe heap = HeapProbe.measure("200 MB body with Content-Length, no token", () ->
                answer[0] = api.send(progress("/api/plans/khong-co-that/items/x/progress", null)
                        .POST(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> HostileFiles.jsonBody(200 * MB)), 200 * MB))
                        .build()));
        // 413, not 401: the size is refused before anyone is asked who they are.
        assertTooLarge(answer[0]);
        assertThat(heap.cost()).isLessThan(HEAP_BUDGET);
        assertStillAnswers(api);
    }

    @Test
    void anIdempotencyKeyDoesNotMakeTheServiceHoldA100MbBody() throws Exception {
        Api api = new Api(port);
        String key = "probe-" + UUID.randomUUID();
        long events = events();
        Api.Response[] answer = new Api.Response[1];
        HeapProbe heap = HeapProbe.measure("100 MB chunked body with Idempotency-Key", () ->
                answer[0] = api.send(progress("/api/plans/khong-co-that/items/x/progress", Tokens.monitor(Tokens.LDC))
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> HostileFiles.jsonBody(100 * MB))).build()));
        assertTooLarge(answer[0]);
        assertThat(heap.cost()).isLessThan(HEAP_BUDGET);
        assertThat(jdbc.queryForObject("select count(*) from idempotent_request where idempotency_key = ?", Long.class, key))
                .isZero();
        assertThat(events()).isEqualTo(events);
        assertStillAnswers(api);
    }

    @Test
    void aBodyJustUnderTheLimitIsReadAsUsual() throws Exception {
        Api api = new Api(port);
        Api.Response answer = api.send(progress("/api/plans/khong-co-that/items/x/progress", Tokens.monitor(Tokens.LDC))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> HostileFiles.jsonBody(MB - 16))).build());
        // Read whole and judged on its content: no such plan (or no such field), never "too large".
        assertThat(answer.status()).as(answer.body().toString()).isIn(400, 404);
        assertThat(answer.isProblem()).isTrue();
    }

    private HttpRequest.Builder progress(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(new Api(port).uri(path)).header("Content-Type", "application/json");
        if (authorization != null) request.header("Authorization", authorization);
        return request;
    }

    static void assertTooLarge(Api.Response answer) {
        JsonNode body = answer.body();
        assertThat(answer.status()).as(body.toString()).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        assertThat(body.path("type").asText()).endsWith("/request-too-large");
        assertThat(body.path("title").asText()).isEqualTo("Nội dung yêu cầu quá lớn");
        assertThat(body.path("detail").asText()).contains("vượt giới hạn 1 MB");
        assertThat(body.at("/errors/0/field").asText()).isEqualTo("body");
        assertThat(body.path("maxBytes").asLong()).isEqualTo(MB);
    }

    static void assertStillAnswers(Api api) throws Exception {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/api/plans?schoolYear=2023-2024", Tokens.principal(Tokens.LDC)).status()).isEqualTo(200);
    }

    private long events() { return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class); }
}
