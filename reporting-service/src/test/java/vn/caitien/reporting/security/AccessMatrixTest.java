package vn.caitien.reporting.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.caitien.reporting.TestStack;
import vn.caitien.reporting.security.TestCallers.Who;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static vn.caitien.reporting.security.TestCallers.LDC;
import static vn.caitien.reporting.security.TestCallers.TH;

/**
 * Every endpoint of reporting-service × every kind of caller (school people of their own and of another
 * school, officers and auditors in and out of their unit, province and nationwide officers, an
 * administrator, a user without roles, and no or bad tokens): the exact answer each must get. A plan
 * outside the caller's scope must answer exactly like a plan that does not exist.
 */
class AccessMatrixTest extends ApiTestSupport {
    static final List<String> READS = List.of("/history", "/chain", "/reports", "/reports/current", "/reports/DAU_NAM",
            "/reports/DAU_NAM?format=html", "/reports/DAU_NAM?format=docx", "/reports/DAU_NAM?format=pdf");
    static final List<String> AUDITS = List.of("/state", "/state?asOf=2023-09-25T00:00:00%2B07:00",
            "/state?basis=recorded", "/diff?from=2023-01-01T00:00:00Z&to=2100-01-01T00:00:00Z");
    static final List<String> ADMIN = List.of("GET /api/admin/dead-letters", "POST /api/admin/dead-letters/retry",
            "GET /actuator/metrics");
    static final List<String> OPEN = List.of("/actuator/health", "/actuator/prometheus", "/v3/api-docs");
    private static final AtomicInteger allowed = new AtomicInteger();
    private static final AtomicInteger refused = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyCallerOnEveryEndpoint() {
        Map<String, TestPlans.Plan> plans = new LinkedHashMap<>();
        plans.put(LDC, leDinhChinh());
        plans.put(TH, tuoiHong());
        String missing = UUID.randomUUID().toString();
        List<DynamicTest> cases = new ArrayList<>();
        for (Who who : TestCallers.all()) {
            String token = who.token();
            plans.forEach((key, plan) -> {
                for (String read : READS) {
                    String path = "/api/plans/" + plan.planId + read;
                    cases.add(dynamicTest(who + " GET " + path, () -> {
                        HttpResponse<byte[]> response = get(path, token);
                        if (who.reads().contains(key)) readable(who, key, plan, read, response);
                        else notFound(response, plan.planId, path);
                    }));
                }
                for (String audit : AUDITS) {
                    String path = "/api/plans/" + plan.planId + audit;
                    cases.add(dynamicTest(who + " GET " + path, () -> {
                        HttpResponse<byte[]> response = get(path, token);
                        if (who.audits().contains(key)) {
                            ok(response);
                            assertThat(json(response).get("planId").asText()).isEqualTo(plan.planId);
                        } else if (who.reads().contains(key)) {
                            problem(response, 403, "Không có quyền", PlanGuard.NOT_AUDITOR);
                        } else {
                            notFound(response, plan.planId, path);
                        }
                    }));
                }
            });
            for (String suffix : concat(READS, AUDITS)) {
                String path = "/api/plans/" + missing + suffix;
                cases.add(dynamicTest(who + " GET (no such plan) " + path,
                        () -> notFound(get(path, token), missing, path)));
            }
            for (String unit : TestCallers.UNITS) {
                String path = "/api/submissions" + (unit.isEmpty() ? "" : "?unit=" + encode(unit));
                cases.add(dynamicTest(who + " GET " + path, () -> tracker(who, unit, get(path, token))));
            }
            for (String call : ADMIN) {
                String[] parts = call.split(" ");
                cases.add(dynamicTest(who + " " + call, () -> {
                    HttpResponse<byte[]> response = send(parts[0], parts[1], token, Map.of());
                    if (who.admin()) ok(response);
                    else problem(response, 403, "Không có quyền", SecurityProblems.ADMIN_ONLY);
                }));
            }
            for (String path : OPEN) {
                cases.add(dynamicTest(who + " GET " + path, () -> ok(get(path, token))));
            }
            // Components and details (disk paths and sizes, positions) only for an administrator.
            cases.add(dynamicTest(who + " health details", () -> assertThat(
                    new String(get("/actuator/health", token).body(), java.nio.charset.StandardCharsets.UTF_8))
                    .as("components shown").matches(body -> body.contains("\"components\"") == who.admin())));
        }
        for (String path : OPEN) {
            cases.add(dynamicTest("no token GET " + path, () -> ok(get(path, null))));
        }
        cases.add(dynamicTest("no token health is the status alone", () -> assertThat(
                new String(get("/actuator/health", null).body(), java.nio.charset.StandardCharsets.UTF_8))
                .matches("\\{\"status\":\"(UP|DOWN)\"(,\"groups\":\\[[^]]*])?}")));
        cases.addAll(badTokens(plans.get(LDC).planId, missing));
        return cases.stream();
    }

    /** No token, or one the service must not trust, gets 401 wherever it goes: nothing is revealed. */
    private List<DynamicTest> badTokens(String planId, String missing) {
        Map<String, Object> admin = TestCallers.all().stream().filter(Who::admin).findFirst().orElseThrow().claims();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("expired token", TestStack.issuer().expiredToken("quan-tri", admin));
        tokens.put("token signed by another key", TestStack.issuer().tokenSignedByAnotherKey("quan-tri", admin));
        tokens.put("token from another issuer", TestStack.issuer().tokenFromAnotherIssuer("quan-tri", admin));
        tokens.put("malformed token", "khong.phai.jwt");
        List<String> calls = new ArrayList<>();
        for (String suffix : concat(READS, AUDITS)) calls.add("GET /api/plans/" + planId + suffix);
        calls.add("GET /api/plans/" + missing + "/history");
        calls.add("GET /api/submissions");
        calls.add("GET /api/submissions?unit=" + encode(TestCallers.HCM));
        calls.addAll(ADMIN);
        List<DynamicTest> cases = new ArrayList<>();
        tokens.forEach((name, token) -> {
            for (String call : calls) {
                String[] parts = call.split(" ");
                cases.add(dynamicTest(name + " " + call, () -> {
                    HttpResponse<byte[]> response = send(parts[0], parts[1], token, Map.of());
                    problem(response, 401, "Cần đăng nhập",
                            token == null ? SecurityProblems.MISSING_TOKEN : SecurityProblems.INVALID_TOKEN);
                    assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString()
                            .startsWith("Bearer");
                }));
            }
        });
        return cases;
    }

    private void readable(Who who, String key, TestPlans.Plan plan, String read, HttpResponse<byte[]> response) {
        ok(response);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (read.endsWith("html")) {
            assertThat(type).startsWith("text/html");
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("BÁO CÁO");
        } else if (read.endsWith("docx")) {
            assertThat(new String(response.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        } else if (read.endsWith("pdf")) {
            assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        } else if (read.equals("/history")) {
            JsonNode history = json(response);
            assertThat(history).hasSize(plan.events.size());
            for (JsonNode entry : history) {
                assertThat(entry.path("actor").asText()).as("names stay visible").isNotBlank();
                assertThat(entry.has("actorId")).as("account ids only for those who audit the plan")
                        .isEqualTo(who.audits().contains(key));
            }
            if (who.audits().contains(key)) {
                assertThat(history.get(0).get("actorId").asText()).startsWith("hieutruong.");
            }
        } else if (read.equals("/reports")) {
            assertThat(json(response).isArray()).isTrue();
            assertThat(json(response)).isNotEmpty();
        } else {
            assertThat(json(response).get("planId").asText()).isEqualTo(plan.planId);
        }
    }

    private void tracker(Who who, String unit, HttpResponse<byte[]> response) {
        String effective = unit.isEmpty() ? who.defaultUnit() : unit;
        if (effective == null || !unit.isEmpty() && !who.oversees().contains(unit)) {
            problem(response, 403, "Không có quyền", null);
            assertThat(json(response).get("detail").asText()).startsWith(PlanGuard.NOT_OVERSEER);
            return;
        }
        ok(response);
        JsonNode body = json(response);
        List<String> path = effective.isEmpty() ? List.of() : Arrays.asList(effective.split("/"));
        assertThat(JSON.convertValue(body.get("path"), List.class)).isEqualTo(path);
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode period : body.get("periods")) {
            for (JsonNode school : period.get("schools")) {
                listed.add(school.get("planId").asText());
                List<?> managing = JSON.convertValue(school.get("managingUnit"), List.class);
                assertThat(managing.subList(0, Math.min(path.size(), managing.size())))
                        .as("only schools under the unit").isEqualTo(path);
            }
        }
        Set<String> expected = new LinkedHashSet<>();
        if (under(TestPlans.LDC_UNIT, path)) expected.add(leDinhChinh().planId);
        if (under(TestPlans.TUOI_HONG_UNIT, path)) expected.add(tuoiHong().planId);
        listed.retainAll(Set.of(leDinhChinh().planId, tuoiHong().planId));
        assertThat(listed).isEqualTo(expected);
    }

    private static boolean under(List<String> unit, List<String> path) {
        return unit.size() >= path.size() && unit.subList(0, path.size()).equals(path);
    }

    private static void ok(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        allowed.incrementAndGet();
    }

    /** Exactly the body of a plan that does not exist. */
    private static void notFound(HttpResponse<byte[]> response, String planId, String path) {
        ObjectNode expected = JSON.createObjectNode();
        expected.put("type", "about:blank");
        expected.put("title", "Không tìm thấy");
        expected.put("status", 404);
        expected.put("detail", "Chưa có kế hoạch mã " + planId + " (hoặc sự kiện của kế hoạch chưa đến)");
        expected.put("instance", path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
        expected.putArray("errors");
        problem(response, 404, "Không tìm thấy", null);
        assertThat(json(response)).isEqualTo(expected);
    }

    static void problem(HttpResponse<byte[]> response, int status, String title, String detail) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.get("title").asText()).isEqualTo(title);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        if (detail != null) assertThat(body.get("detail").asText()).isEqualTo(detail);
        refused.incrementAndGet();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String encode(String unit) {
        return URLEncoder.encode(unit, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @AfterAll
    static void count() {
        System.out.printf("AccessMatrixTest: %d cases (%d allowed, %d refused) over %d callers + 5 kinds of bad token%n",
                allowed.get() + refused.get(), allowed.get(), refused.get(), TestCallers.all().size());
    }
}
