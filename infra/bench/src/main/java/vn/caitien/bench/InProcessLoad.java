package vn.caitien.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.caitien.infra.synthetic.SyntheticData.SyntheticProgress;

import java.util.List;

import static vn.caitien.bench.Report.f;

/**
 * 2b: the same RecordProgress load sent inside plan-service's JVM through its command gateway (the
 * hooks of infra/bench-hooks, which the harness adds to the service's class path with the {@code bench} profile),
 * so the difference to 2 is what HTTP, JSON and token checks cost.
 */
final class InProcessLoad {
    private InProcessLoad() {
    }

    static void measure(BenchSystem system, Api api, List<Bench.LivePlan> plans, int commands, EventRows.Result baseline,
                        Report report) {
        ObjectNode request = Api.JSON.createObjectNode().put("clients", Size.CLIENTS).put("commands", commands);
        ArrayNode targets = request.putArray("targets");
        for (Bench.LivePlan p : plans) {
            for (int i = 0; i < p.itemIds().size(); i++) {
                // Each item with its own year of records (indicators and evidence are the item's own).
                ArrayNode bodies = targets.addObject().put("planId", p.planId()).put("itemId", p.itemIds().get(i))
                        .put("schoolCode", p.school().code()).putArray("bodies");
                for (SyntheticProgress progress : p.plan().items().get(i).progress()) bodies.add(readTree(progress.body()));
            }
        }
        Api.Response r = api.post(system.plan.uri("/api/admin/bench/record-progress"), api.admin(), request.toString());
        if (r.status() != 200) {
            report.add("2b", "RecordProgress through the command gateway in-process (what HTTP costs)",
                    "not measured: " + r.status() + " " + r.body(), "—", null);
            return;
        }
        JsonNode a = r.json();
        report.add("2b", "RecordProgress through the command gateway in-process, 16 threads on the same plans",
                f("**%,.0f commands/s** (%.0f%% of 1); p50 %.1f ms, p99 %.1f ms (%,d accepted%s)",
                        a.path("perSecond").asDouble(), 100 * a.path("perSecond").asDouble() / baseline.perSecond(),
                        a.path("p50Ms").asDouble(), a.path("p99Ms").asDouble(), a.path("accepted").asLong(),
                        a.path("refused").asLong() == 0 ? "" : f(", %d refused", a.path("refused").asLong())),
                "— (shows what HTTP costs)", null);
        if (a.path("refused").asLong() > 0) report.notes.add("Refused in 2b (first ones): " + a.path("firstRefusals"));
    }

    private static JsonNode readTree(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Synthetic progress body is not JSON: " + json, e);
        }
    }
}
