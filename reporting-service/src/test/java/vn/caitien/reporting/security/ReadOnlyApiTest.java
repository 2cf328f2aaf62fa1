package vn.caitien.reporting.security;

import org.junit.jupiter.api.Test;
import vn.caitien.reporting.security.TestCallers.Who;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody writes a plan through reporting-service, whatever their role: every non-read request on a
 * plan path is refused and leaves every table as it was. And the dashboard's origin, only it, may
 * read from the browser.
 */
class ReadOnlyApiTest extends ApiTestSupport {
    static final String DASHBOARD = "http://localhost:8082";
    static final List<String> TABLES = List.of("plan_event", "plan_directory", "report_snapshot", "processed_event",
            "token_entry", "dead_letter_entry");

    @Test
    void writesOnPlanPathsAreRefusedAndChangeNothing() {
        TestPlans.Plan plan = leDinhChinh();
        String id = plan.planId;
        String item = "x";
        List<String> paths = List.of("/api/plans", "/api/plans/import", "/api/plans/" + id, "/api/plans/" + id + "/history",
                "/api/plans/" + id + "/reports", "/api/plans/" + id + "/reports/current",
                "/api/plans/" + id + "/reports/DAU_NAM", "/api/plans/" + id + "/state", "/api/plans/" + id + "/diff",
                "/api/plans/" + id + "/items", "/api/plans/" + id + "/items/" + item,
                "/api/plans/" + id + "/items/" + item + "/progress", "/api/plans/" + id + "/approve",
                "/api/submissions");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        for (Who who : TestCallers.all()) {
            if (List.of("hieu-truong-ldc", "giam-sat-ldc", "hoi-dong-ldc", "chuyen-vien-so", "quan-tri")
                    .contains(who.name())) {
                tokens.put(who.name(), who.token());
            }
        }
        Map<String, Long> before = counts();
        String historyBefore = new String(get("/api/plans/" + id + "/history", admin()).body());
        int cases = 0;
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (String path : paths) {
                for (Map.Entry<String, String> token : tokens.entrySet()) {
                    HttpResponse<byte[]> response = send(method, path, token.getValue(), Map.of());
                    if (token.getValue() == null) {
                        AccessMatrixTest.problem(response, 401, "Cần đăng nhập", SecurityProblems.MISSING_TOKEN);
                    } else {
                        AccessMatrixTest.problem(response, 403, "Không có quyền", SecurityProblems.READ_ONLY);
                    }
                    cases++;
                }
            }
        }
        assertThat(counts()).isEqualTo(before);
        assertThat(new String(get("/api/plans/" + id + "/history", admin()).body())).isEqualTo(historyBefore);
        System.out.printf("ReadOnlyApiTest: %d write attempts (%d methods × %d paths × %d callers), all refused, "
                + "%s unchanged%n", cases, 4, paths.size(), tokens.size(), TABLES);
    }

    @Test
    void theDashboardOriginMayReadWithATokenAndNoOneElseFromABrowser() {
        String path = "/api/plans/" + leDinhChinh().planId + "/history";
        HttpResponse<byte[]> preflight = send("OPTIONS", path, null, Map.of("Origin", DASHBOARD,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"));
        assertThat(preflight.statusCode()).as("preflight needs no token").isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(DASHBOARD);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET")
                .doesNotContain("POST");

        HttpResponse<byte[]> read = send("GET", path, admin(), Map.of("Origin", DASHBOARD));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).contains(DASHBOARD);

        HttpResponse<byte[]> anonymous = send("GET", path, null, Map.of("Origin", DASHBOARD));
        AccessMatrixTest.problem(anonymous, 401, "Cần đăng nhập", SecurityProblems.MISSING_TOKEN);
        assertThat(anonymous.headers().firstValue("Access-Control-Allow-Origin"))
                .as("the page can read why it was refused").contains(DASHBOARD);

        HttpResponse<byte[]> otherSite = send("OPTIONS", path, null, Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"));
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(otherSite.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<byte[]> write = send("OPTIONS", path, null, Map.of("Origin", DASHBOARD,
                "Access-Control-Request-Method", "POST"));
        assertThat(write.statusCode()).as("no write from the browser either").isEqualTo(403);

        HttpResponse<byte[]> foreignRead = send("GET", path, admin(), Map.of("Origin", "https://evil.example"));
        assertThat(foreignRead.statusCode()).isEqualTo(403);
        assertThat(foreignRead.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theApiDescriptionIsOpenAndTellsClientsToSendABearerToken() {
        HttpResponse<byte[]> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs).at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(json(docs).at("/security/0").has("bearer")).isTrue();
    }

    private String admin() {
        return TestCallers.all().stream().filter(Who::admin).findFirst().orElseThrow().token();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }
}
