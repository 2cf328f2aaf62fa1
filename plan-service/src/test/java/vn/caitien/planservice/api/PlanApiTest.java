package vn.caitien.planservice.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.PlanBodies;
import vn.caitien.planservice.Tokens;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over the real event store: what it accepts, what it refuses, and that refusals store nothing. */
class PlanApiTest extends ApiTestSupport {
    static final String PLAN = PlanBodies.ISSUED_PLAN;
    static final String ITEM = PlanBodies.ITEM;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    String planId;

    @BeforeEach
    void createPlan() throws Exception {
        Response created = post("/api/plans", PLAN);
        assertThat(created.status).isEqualTo(201);
        planId = created.body.get("id").asText();
    }

    @Test
    void createsAPlanListedWithTheContractFields() throws Exception {
        JsonNode list = get("/api/plans").body;
        JsonNode mine = null;
        for (JsonNode p : list) if (p.get("id").asText().equals(planId)) mine = p;
        assertThat(mine).isNotNull();
        assertThat(mine.get("schoolName").asText()).isEqualTo("Trường Tiểu học Lê Đình Chinh");
        assertThat(mine.get("documentNumber").asText()).isEqualTo("107/KH-LĐC");
        assertThat(mine.get("schoolYear").asText()).isEqualTo("2023-2024");
        assertThat(mine.get("frameworkId").asText()).isEqualTo("TT17-2018");
        assertThat(mine.get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void addsAnItemAndNormalisesItsCriterion() throws Exception {
        Response added = post("/api/plans/" + planId + "/items", ITEM);
        assertThat(added.status).isEqualTo(201);
        JsonNode plan = get("/api/plans/" + planId).body;
        JsonNode item = plan.get("items").get(0);
        assertThat(item.get("itemId").asText()).isEqualTo(added.body.get("id").asText());
        assertThat(item.at("/details/criterionCode").asText()).isEqualTo("3.4");
        assertThat(item.at("/details/schedule/end").asText()).isEqualTo("2030-12");
    }

    @Test
    void stampsTheSignedInUserAndCorrelationIntoEventMetadataAndIgnoresXUser() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/plans/" + planId + "/items"))
                .header("Content-Type", "application/json").header("Authorization", Tokens.council(SCHOOL))
                .header("X-User", URLEncoder.encode("Kẻ mạo danh", StandardCharsets.UTF_8))
                .header("X-Correlation-Id", "corr-42")
                .POST(HttpRequest.BodyPublishers.ofString(ITEM)).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        byte[] meta = jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number desc limit 1", byte[].class, planId);
        JsonNode metadata = json.readTree(meta);
        assertThat(metadata.get("actor").asText()).isEqualTo("Thành viên hội đồng tự đánh giá - Trần Văn Bình");
        assertThat(metadata.get("actorId").asText()).isEqualTo("hd-" + SCHOOL);
        assertThat(metadata.get("correlationId").asText()).isEqualTo("corr-42");
        assertThat(metadata.toString()).doesNotContain("mạo danh").doesNotContain("expectedVersion");
    }

    @Test
    void fillsTheCreatorsSchoolCodeAndRefusesAnotherSchools() throws Exception {
        assertThat(get("/api/plans/" + planId).body.at("/school/code").asText()).isEqualTo(SCHOOL);
        long before = events();
        String other = PLAN.replace("\"type\": \"TIEU_HOC\"", "\"code\": \"" + Tokens.TUOI_HONG + "\", \"type\": \"TIEU_HOC\"");
        Response refused = post("/api/plans", other);
        assertProblem(refused, 403, "role");
        assertThat(refused.body.get("title").asText()).isEqualTo("Không có quyền");
        assertThat(refused.body.get("detail").asText()).contains(SCHOOL).contains(Tokens.TUOI_HONG);
        assertThat(events()).isEqualTo(before);
        String own = PLAN.replace("\"type\": \"TIEU_HOC\"", "\"code\": \" " + SCHOOL + " \", \"type\": \"TIEU_HOC\"");
        assertThat(post("/api/plans", own).status).isEqualTo(201);
    }

    @Test
    void aRetriedCommandWithTheSameIdempotencyKeyIsAnsweredOnceAndStoredOnce() throws Exception {
        String key = "retry-" + System.nanoTime();
        long before = events();
        Response first = send(HttpRequest.newBuilder(uri("/api/plans/" + planId + "/items"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(ITEM)).build());
        Response retry = send(HttpRequest.newBuilder(uri("/api/plans/" + planId + "/items"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(ITEM)).build());
        assertThat(first.status).isEqualTo(201);
        assertThat(retry.status).isEqualTo(201);
        assertThat(retry.body.get("id").asText()).isEqualTo(first.body.get("id").asText());
        assertThat(events()).isEqualTo(before + 1);
        Response other = send(HttpRequest.newBuilder(uri("/api/plans/" + planId + "/items"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(ITEM.replace("3.4", "3.5"))).build());
        assertProblem(other, 422, "Idempotency-Key");
        assertThat(events()).isEqualTo(before + 1);
        // Keys belong to their user: the same key and request from a council member is their own command.
        Response theirs = send(HttpRequest.newBuilder(uri("/api/plans/" + planId + "/items"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("Authorization", Tokens.council(SCHOOL))
                .POST(HttpRequest.BodyPublishers.ofString(ITEM)).build(), false);
        assertThat(theirs.status).isEqualTo(201);
        assertThat(theirs.body.get("id").asText()).isNotEqualTo(first.body.get("id").asText());
        assertThat(events()).isEqualTo(before + 2);
    }

    @Test
    void refusesAnOverlongCorrelationIdAndIgnoresAnyXUser() throws Exception {
        long before = events();
        Response refused = send(HttpRequest.newBuilder(uri("/api/plans/" + planId + "/items"))
                .header("Content-Type", "application/json").header("X-Correlation-Id", "x".repeat(201))
                .POST(HttpRequest.BodyPublishers.ofString(ITEM)).build());
        assertProblem(refused, 400, "X-Correlation-Id");
        assertThat(events()).isEqualTo(before);
        Response ignored = send(HttpRequest.newBuilder(uri("/api/plans/" + planId + "/items"))
                .header("Content-Type", "application/json").header("X-User", "%FF" + "x".repeat(300))
                .POST(HttpRequest.BodyPublishers.ofString(ITEM)).build());
        assertThat(ignored.status).isEqualTo(201);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void refusesAnUnknownCriterionWithAProblemAndStoresNothing() throws Exception {
        long before = events();
        Response refused = post("/api/plans/" + planId + "/items", ITEM.replace("Tiêu chí 3.4", "5.6"));
        assertProblem(refused, 422, "criterionCode");
        assertThat(refused.body.get("detail").asText()).contains("5.6").contains("Thông tư 17/2018");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesMalformedJsonAndBadValues() throws Exception {
        long before = events();
        assertProblem(post("/api/plans/" + planId + "/items", "{\"criterionCode\": "), 400, null);
        assertProblem(post("/api/plans/" + planId + "/items", ITEM.replace("MỨC 1, 2, 3", "MỨC bảy")), 400, "levelGroup");
        assertProblem(post("/api/plans/" + planId + "/items", ITEM.replace("Tiêu chí 3.4", "abc")), 400, "criterionCode");
        assertProblem(post("/api/plans", PLAN.replace("2023 - 2024", "2023-2025")), 400, "schoolYear");
        assertProblem(post("/api/plans", PLAN.replace("TIEU_HOC", "DAI_HOC")), 400, "school.type");
        assertProblem(post("/api/plans", PLAN.replace("\"107/KH-LĐC\"", "\"\"")), 400, "documentNumber");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesBadProgressAndDuplicateReports() throws Exception {
        String itemId = post("/api/plans/" + planId + "/items", ITEM).body.get("id").asText();
        String progress = "{\"status\": \"DANG_THUC_HIEN\", \"percent\": 40, \"effectiveDate\": \"2023-10-20\","
                + " \"evidenceCodes\": [\"[H1-3.4-01]\"]}";
        assertProblem(post("/api/plans/" + planId + "/items/" + itemId + "/progress", progress), 409, "status");
        assertThat(post("/api/plans/" + planId + "/approve", "{\"approvedOn\": \"2023-08-18\"}").status).isEqualTo(200);
        long before = events();
        assertProblem(post("/api/plans/" + planId + "/items/" + itemId + "/progress", progress.replace("40", "120")), 400, "percent");
        assertProblem(post("/api/plans/" + planId + "/items/" + itemId + "/progress",
                progress.replace("[H1-3.4-01]", "H-bad")), 400, "evidenceCodes[0]");
        assertProblem(post("/api/plans/" + planId + "/items/unknown-item/progress", progress), 404, "itemId");
        assertProblem(post("/api/plans/" + planId + "/items/" + itemId + "/progress",
                progress.replace("2023-10-20", "2999-01-01")), 400, "effectiveDate");
        assertThat(events()).isEqualTo(before);
        assertThat(post("/api/plans/" + planId + "/items/" + itemId + "/progress", progress).status).isEqualTo(201);
        String report = "{\"period\": \"DAU_NAM\", \"summary\": \"Triển khai đúng tiến độ\"}";
        assertThat(post("/api/plans/" + planId + "/reports", report).body.get("revision").asInt()).isEqualTo(1);
        before = events();
        assertProblem(post("/api/plans/" + planId + "/reports", report), 409, "period");
        assertProblem(post("/api/plans/" + planId + "/reports", report.replace("DAU_NAM", "GIUA_NAM")), 400, "period");
        assertThat(events()).isEqualTo(before);
        String correction = report.replace("}", ", \"correction\": true, \"correctionReason\": \"Sai số liệu\"}");
        assertThat(post("/api/plans/" + planId + "/reports", correction).body.get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void answersUnknownPlansAndPathsWithProblems() throws Exception {
        assertProblem(post("/api/plans/no-such-plan/items", ITEM), 404, "planId");
        assertProblem(get("/api/plans/no-such-plan"), 404, "planId");
        Response unknownPath = get("/api/khong-co");
        assertThat(unknownPath.status).isEqualTo(404);
        assertThat(unknownPath.contentType).startsWith("application/problem+json");
    }

    @Test
    void publishesItsOpenApiDocumentWithoutSignIn() throws Exception {
        Response docs = send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build(), false);
        assertThat(docs.status).isEqualTo(200);
        assertThat(docs.body.at("/paths").has("/api/plans/{planId}/items")).isTrue();
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private void assertProblem(Response response, int status, String field) {
        assertThat(response.status).as(response.body.toString()).isEqualTo(status);
        assertThat(response.contentType).startsWith("application/problem+json");
        assertThat(response.body.get("title").asText()).isNotBlank();
        assertThat(response.body.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(response.body.get("errors").get(0).get("field").asText()).isEqualTo(field);
            assertThat(response.body.get("errors").get(0).get("message").asText()).isNotBlank();
        }
    }

    record Response(int status, String contentType, JsonNode body) {
    }

    private URI uri(String path) { return URI.create("http://localhost:" + port + path); }

    private Response post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Response get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Sends as the user who may (see {@link ApiTestSupport#tokenFor}) unless the request names one. */
    private Response send(HttpRequest request) throws Exception {
        return send(request, true);
    }

    private Response send(HttpRequest request, boolean signIn) throws Exception {
        if (signIn && request.headers().firstValue("Authorization").isEmpty()) {
            HttpRequest.Builder signed = HttpRequest.newBuilder(request, (name, value) -> true);
            request = signed.header("Authorization", tokenFor(request.uri().getPath())).build();
        }
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body));
    }
}
