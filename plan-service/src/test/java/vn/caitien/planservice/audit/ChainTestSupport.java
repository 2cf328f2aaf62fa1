package vn.caitien.planservice.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.PlanBodies;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan written through the REST API into the real event store, and the SQL and HTTP the tampering tests use
 * on it.
 */
abstract class ChainTestSupport extends ApiTestSupport {
    static final String PLAN = PlanBodies.ISSUED_PLAN;
    static final String ITEM = PlanBodies.ITEM;
    static final String PROGRESS = "{\"status\": \"DANG_THUC_HIEN\", \"percent\": %d, \"effectiveDate\": \"2023-10-20\","
            + " \"narrative\": \"Đã sửa %d phòng\", \"evidenceCodes\": [\"[H1-3.4-01]\"], \"amountSpentToDate\": 1500000}";
    /** PlanCreated, 2 × ActionItemAdded, PlanApproved, 2 × ProgressRecorded. */
    static final int EVENTS = 6;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    /** Nothing points to tampering; with no reporting-service beside the tests, not "intact" either. */
    void assertNoTampering(JsonNode report) {
        assertChainUntampered(report);
        assertThat(report.get("problem").isNull()).isTrue();
        assertThat(report.get("message").asText()).contains("không đối chiếu được với bản sao của dịch vụ báo cáo");
        assertThat(report.get("findings")).extracting(f -> f.get("kind").asText()).containsExactly("READ_COPY_UNAVAILABLE");
    }

    /** The findings of one kind, in the report's order. */
    java.util.List<JsonNode> findings(JsonNode report, String kind) {
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("kind").asText().equals(kind)) found.add(f);
        });
        return found;
    }

    void assertBroken(JsonNode report, long sequence, String problemStart) {
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.get("firstBrokenSequence").asLong()).as(report.toString()).isEqualTo(sequence);
        assertThat(report.get("problem").asText()).as(report.toString()).startsWith(problemStart);
        assertThat(report.get("verdict").asText()).isEqualTo("SAI_LECH");
    }

    void swap(String planId, long a, long b) {
        String move = "update domain_event_entry set sequence_number = ? where aggregate_identifier = ? "
                + "and sequence_number = ?";
        assertThat(jdbc.update(move, -1, planId, a)).isEqualTo(1);
        assertThat(jdbc.update(move, a, planId, b)).isEqualTo(1);
        assertThat(jdbc.update(move, b, planId, -1)).isEqualTo(1);
    }

    byte[] column(String column, String planId, long sequence) {
        return jdbc.queryForObject("select " + column + " from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = ?", byte[].class, planId, sequence);
    }

    void setColumn(String column, String planId, long sequence, byte[] value) {
        assertThat(jdbc.update("update domain_event_entry set " + column + " = ? where aggregate_identifier = ? "
                + "and sequence_number = ?", value, planId, sequence)).isEqualTo(1);
    }

    /** A plan with two items, approved, with two progress records: events 0..5. */
    String planWithHistory() throws Exception {
        HttpResponse<String> created = post("/api/plans", PLAN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String planId = json.readTree(created.body()).get("id").asText();
        String first = idOf(post("/api/plans/" + planId + "/items", ITEM));
        String second = idOf(post("/api/plans/" + planId + "/items", ITEM));
        assertThat(post("/api/plans/" + planId + "/approve", "{\"approvedOn\": \"2023-08-18\"}").statusCode())
                .isEqualTo(200);
        idOf(post("/api/plans/" + planId + "/items/" + first + "/progress", PROGRESS.formatted(40, 4)));
        idOf(post("/api/plans/" + planId + "/items/" + second + "/progress", PROGRESS.formatted(70, 7)));
        return planId;
    }

    String itemOf(String planId) throws Exception {
        return json.readTree(get("/api/plans/" + planId).body()).get("items").get(0).get("itemId").asText();
    }

    String idOf(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    JsonNode verify(String planId) throws Exception {
        HttpResponse<String> response = get("/api/plans/" + planId + "/verify");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    URI uri(String path) { return URI.create("http://localhost:" + port + path); }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", tokenFor(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", tokenFor(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
