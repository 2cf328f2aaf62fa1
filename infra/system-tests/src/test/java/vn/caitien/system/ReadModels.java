package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the read services answer about a set of plans, captured once: monitoring's plan list and
 * progress per plan, reporting's history and reports per plan. Two captures compare equal when the
 * projections behind them hold the same content; only today's date ({@code asOf}) may differ.
 */
record ReadModels(JsonNode planList, Map<String, JsonNode> progress, Map<String, JsonNode> history,
                  Map<String, JsonNode> reports) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    static ReadModels capture(ManagedService monitoring, ManagedService reporting, Collection<String> planIds,
                              String token) throws Exception {
        Map<String, JsonNode> progress = new TreeMap<>();
        Map<String, JsonNode> history = new TreeMap<>();
        Map<String, JsonNode> reports = new TreeMap<>();
        for (String planId : new TreeSet<>(planIds)) {
            progress.put(planId, get(monitoring.uri("/api/plans/" + planId + "/progress"), token));
            history.put(planId, get(reporting.uri("/api/plans/" + planId + "/history"), token));
            reports.put(planId, get(reporting.uri("/api/plans/" + planId + "/reports"), token));
        }
        return new ReadModels(get(monitoring.uri("/api/plans?size=500"), token), progress, history, reports);
    }

    /** Asserts plan by plan, so that a difference names its plan and shows both answers. */
    void assertSameAs(ReadModels rebuilt, String what) {
        assertThat(rebuilt.progress.keySet()).isEqualTo(progress.keySet());
        for (String planId : progress.keySet()) {
            assertThat(rebuilt.progress.get(planId)).as("%s: progress of plan %s", what, planId).isEqualTo(progress.get(planId));
            assertThat(rebuilt.history.get(planId)).as("%s: history of plan %s", what, planId).isEqualTo(history.get(planId));
            assertThat(rebuilt.reports.get(planId)).as("%s: reports of plan %s", what, planId).isEqualTo(reports.get(planId));
        }
        assertThat(rebuilt.planList).as("%s: monitoring's plan list", what).isEqualTo(planList);
    }

    /** Plans that the read side knows (200 on progress). */
    long knownPlans() {
        return progress.values().stream().filter(p -> !p.has("httpStatus")).count();
    }

    /** GET as JSON with today's date removed; a non-200 answer becomes {@code {"httpStatus": n}}. */
    static JsonNode get(URI uri, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return JSON.createObjectNode().put("httpStatus", response.statusCode());
        }
        return withoutClock(JSON.readTree(response.body()));
    }

    private static JsonNode withoutClock(JsonNode node) {
        if (node instanceof ObjectNode object) object.remove("asOf");
        for (JsonNode child : node) withoutClock(child);
        return node;
    }
}
