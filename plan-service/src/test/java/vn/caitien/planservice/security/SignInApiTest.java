package vn.caitien.planservice.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.Tokens;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource-server boundary: what needs no token (health, Prometheus, API documents, CORS preflight),
 * and the 401 answer for everything else without a valid one.
 */
class SignInApiTest extends ApiTestSupport {
    @LocalServerPort
    int port;

    @Test
    void healthMetricsForPrometheusAndApiDocumentsNeedNoToken() throws Exception {
        Api api = new Api(port);
        for (String open : List.of("/actuator/health", "/actuator/prometheus", "/v3/api-docs", "/swagger-ui.html")) {
            Api.Response r = api.get(open, null);
            assertThat(r.status()).as(open).isIn(200, 302);
        }
        // Anyone gets the status; the components and their details (disk paths and sizes) only an administrator.
        assertThat(api.get("/actuator/health", null).body().has("components")).isFalse();
        assertThat(api.get("/actuator/health", null).body().has("status")).isTrue();
        assertThat(api.get("/actuator/health", Tokens.principal("79000701")).body().has("components")).isFalse();
        assertThat(api.get("/actuator/health", Tokens.admin()).body().at("/components/diskSpace/status").asText()).isEqualTo("UP");
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.body().at("/paths").has("/api/plans/{planId}/items")).isTrue();
        assertThat(docs.body().at("/components/securitySchemes/maTruyCap/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJsonInVietnameseWithBearerChallenge() throws Exception {
        Api api = new Api(port);
        for (String path : List.of("/api/plans", "/api/plans/bat-ky", "/actuator/metrics", "/api/khong-co")) {
            Api.Response r = api.get(path, null);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(r.body().get("title").asText()).isEqualTo("Cần đăng nhập");
            assertThat(r.body().get("detail").asText()).startsWith("Thiếu hoặc sai mã truy cập (access token)");
            assertThat(r.body().at("/errors/0/field").asText()).isEqualTo("Authorization");
            assertThat(r.body().get("status").asInt()).isEqualTo(401);
        }
        Api.Response expired = api.get("/api/plans", "Bearer " + Tokens.issuer().expiredToken("ht", Map.of()));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(expired.body().get("title").asText()).isEqualTo("Cần đăng nhập");
    }

    @Test
    void aPreflightFromTheDashboardPassesWithoutATokenAndAllowsAuthorizationAndIfMatch() throws Exception {
        Api api = new Api(port);
        HttpRequest preflight = HttpRequest.newBuilder(api.uri("/api/plans/p1/items/i1/progress"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:8082").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key").build();
        Api.Response r = api.send(preflight);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8082");
        assertThat(r.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization").contains("if-match").contains("idempotency-key");

        HttpRequest foreign = HttpRequest.newBuilder(preflight, (n, v) -> !n.equalsIgnoreCase("Origin"))
                .header("Origin", "http://evil.example").build();
        assertThat(api.send(foreign).status()).isEqualTo(403);

        Api.Response read = api.send(HttpRequest.newBuilder(api.uri("/api/plans")).header("Origin", "http://localhost:8082")
                .header("Authorization", Tokens.principal(Tokens.LDC)).GET().build());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8082");
        assertThat(read.header("Access-Control-Expose-Headers")).contains("ETag");
    }
}
