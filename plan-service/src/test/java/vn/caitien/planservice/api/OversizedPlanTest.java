package vn.caitien.planservice.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.PlanBodies;
import vn.caitien.planservice.domain.PlanLimits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe of issue 12: 84 rows of ≈ 240 kB each once exhausted plan-service's memory, after which every
 * command on that plan timed out. Now such a row is refused (4xx, nothing stored), a plan filled with the
 * largest rows allowed stops at its size limit, and the plan still answers commands promptly afterwards.
 */
class OversizedPlanTest extends ApiTestSupport {
    private static final String TASK = "Sửa chữa phòng học. ".repeat(200); // 4,000 characters, the most a task may have
    private static final String ROW = """
            {"criterionCode": "3.4", "targetResult": "%s", "tasks": [%s], "lead": "Hiệu trưởng"}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlanLimits limits;

    @Test
    void rowsOfTheProbeAreRefusedAndAFullPlanStillAnswers() throws Exception {
        memory("before");
        Api api = new Api(port);
        Api.Response created = api.send("POST", "/api/plans", PlanBodies.PLAN, tokenFor("/api/plans"));
        assertThat(created.status()).isEqualTo(201);
        String plan = created.body().get("id").asText();
        String items = "/api/plans/" + plan + "/items";

        // 50 tasks of 4,000 characters and a 4,000-character target: each field valid, ≈ 270 kB in all.
        String probe = row(TASK, 50);
        assertThat(probe.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(240 * 1024);
        for (int i = 0; i < 84; i++) {
            Api.Response refused = api.send("POST", items, probe, tokenFor(items));
            assertThat(refused.status()).as("probe row %d", i).isEqualTo(413);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.body().path("title").asText()).isEqualTo("Nội dung một thay đổi vượt giới hạn");
            assertThat(refused.body().path("detail").asText()).contains("vượt giới hạn 48.000 ký tự");
        }
        assertThat(events(plan)).as("nothing stored for the probe's rows").isEqualTo(1);

        // The largest rows one command may carry, until the plan is full.
        String largest = row(TASK.substring(0, 3_000), 11);
        long rowChars = 3_000 + 11 * 4_000 + "Hiệu trưởng".length();
        List<String> rows = new ArrayList<>();
        Api.Response last;
        while ((last = api.send("POST", items, largest, tokenFor(items))).status() == 201) {
            rows.add(last.body().get("id").asText());
            assertThat(rows.size()).as("the plan must fill up").isLessThanOrEqualTo(limits.getMaxItems());
        }
        int accepted = rows.size();
        assertThat(last.status()).isEqualTo(422);
        assertThat(last.body().path("title").asText()).isEqualTo("Kế hoạch đã đạt dung lượng tối đa");
        assertThat(last.body().path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(accepted * rowChars).isLessThanOrEqualTo(limits.getMaxPlanChars());
        assertThat((accepted + 1) * rowChars).isGreaterThan(limits.getMaxPlanChars() - 1_000);
        assertThat(events(plan)).as("nothing stored beyond the limit").isEqualTo(1 + accepted);

        // The full plan still answers, promptly: a read, a change that shrinks it, a removal, approval.
        long started = System.nanoTime();
        assertThat(api.get("/api/plans/" + plan, tokenFor("/api/plans")).status()).isEqualTo(200);
        assertThat(api.send("PUT", items + "/" + rows.get(0), row("Đủ phòng học", 1), tokenFor(items)).status())
                .isEqualTo(200);
        assertThat(api.send("DELETE", items + "/" + rows.get(1), null, tokenFor(items)).status()).isEqualTo(204);
        assertThat(api.send("POST", items, largest, tokenFor(items)).status())
                .as("the room freed by the removed row can be used again").isEqualTo(201);
        assertThat(api.send("POST", "/api/plans/" + plan + "/approve", "{}", tokenFor("/api/plans")).status())
                .isEqualTo(200);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("five requests on the full plan, in ms").isLessThan(10_000);
        memory("after");
    }

    private static String row(String target, int tasks) {
        return ROW.formatted(target, String.join(", ", Collections.nCopies(tasks, "\"" + TASK + "\"")));
    }

    private long events(String plan) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, plan);
    }

    /** Heap after a collection and the process's resident size, printed for the hostile-input record. */
    private static void memory(String when) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heap = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        System.out.printf("OversizedPlanTest %s: heap %d MB of %d MB, %s%n", when, heap,
                runtime.maxMemory() / (1024 * 1024), rss);
        assertThat(heap).as("heap in use after a collection, MB").isLessThan(runtime.maxMemory() / (1024 * 1024));
    }
}
