package vn.caitien.monitoring.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import vn.caitien.monitoring.support.Api;
import vn.caitien.monitoring.support.IntegrationTest;
import vn.caitien.monitoring.support.Users;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.caitien.monitoring.support.Fixture.*;
import static vn.caitien.monitoring.support.Users.*;

/**
 * Every endpoint of monitoring-service × every kind of caller → allowed (with exactly the plans the
 * caller may read) or the exact refusal: 401 without a valid token, 403 for office views outside the
 * caller's unit and for maintenance by non-administrators, 404 — the same as a missing plan — for a
 * plan or school outside the caller's scope. Public paths answer everyone, with or without a token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixTest extends IntegrationTest {

    /** The plans each user may read: the expectations of the matrix, written out by hand. */
    static final Map<Users, Set<String>> READABLE = new EnumMap<>(Map.ofEntries(
            Map.entry(PRINCIPAL_LDC, Set.of(PLAN_LDC, PLAN_LDC_DRAFT)),
            Map.entry(COUNCIL_LDC, Set.of(PLAN_LDC, PLAN_LDC_DRAFT)),
            Map.entry(MONITOR_LDC, Set.of(PLAN_LDC, PLAN_LDC_DRAFT)),
            Map.entry(STAFF_LDC, Set.of(PLAN_LDC, PLAN_LDC_DRAFT)),
            Map.entry(PRINCIPAL_TH, Set.of(PLAN_TUOI_HONG)),
            Map.entry(MONITOR_TH, Set.of(PLAN_TUOI_HONG)),
            Map.entry(STAFF_TH, Set.of(PLAN_TUOI_HONG)),
            Map.entry(OFFICER_Q10, Set.of(PLAN_LDC, PLAN_LDC_DRAFT, PLAN_NO_CODE, PLAN_DRAFT_ONLY)),
            Map.entry(OFFICER_Q1, Set.of(PLAN_TUOI_HONG)),
            Map.entry(OFFICER_HCM, Set.of(PLAN_LDC, PLAN_LDC_DRAFT, PLAN_TUOI_HONG, PLAN_NO_CODE, PLAN_DRAFT_ONLY)),
            Map.entry(AUDITOR_Q10, Set.of(PLAN_LDC, PLAN_LDC_DRAFT, PLAN_NO_CODE, PLAN_DRAFT_ONLY)),
            Map.entry(ADMIN, Set.copyOf(ALL)),
            Map.entry(NO_ROLE, Set.of())));

    /** The unit each user's office view opens on; absent = no office view (403). */
    static final Map<Users, List<String>> OFFICE_UNIT = new EnumMap<>(Map.of(
            OFFICER_Q10, Q10, OFFICER_Q1, Q1, OFFICER_HCM, HCM, AUDITOR_Q10, Q10, ADMIN, List.of()));

    /** Which office units each user may open, among those the matrix asks for. */
    static final Map<List<String>, Set<Users>> OVERSEERS = Map.of(
            Q10, Set.of(OFFICER_Q10, OFFICER_HCM, AUDITOR_Q10, ADMIN),
            Q1_WARD, Set.of(OFFICER_Q1, OFFICER_HCM, ADMIN),
            HCM, Set.of(OFFICER_HCM, ADMIN),
            BA_DINH, Set.of(ADMIN));

    static final List<String> PROTECTED = List.of(
            "GET /api/plans", "GET /api/plans/" + PLAN_LDC + "/progress", "GET /api/plans/nope/progress",
            "GET /api/units", "GET /api/units?path=" + enc(Q10), "GET /api/filters", "GET /api/school?key=" + LDC,
            "GET /api/me", "GET /api/stream", "GET /api/admin/rebuild", "POST /api/admin/rebuild",
            "GET /api/admin/dead-letters", "POST /api/admin/dead-letters/retry", "GET /actuator/metrics",
            "GET /actuator/info");

    static final List<String> PUBLIC = List.of(
            "GET /api/config", "GET /api/labels", "GET /api/frameworks/TT17-2018", "GET /api/public/schools/" + LDC,
            "GET /api/public/schools/" + HA_NOI, "GET /actuator/health", "GET /actuator/prometheus", "GET /",
            "GET /index.html", "GET /cong-khai.html", "GET /callback.html", "GET /js/auth.js", "GET /js/api.js",
            "GET /css/app.css", "GET /v3/api-docs");

    private final List<DynamicTest> cases = new ArrayList<>();

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        for (Users user : Users.values()) signedIn(user);
        notSignedIn();
        publicPaths();
        System.out.printf("Ma trận quyền monitoring-service: %d trường hợp (%d người dùng, %d đường dẫn cần đăng nhập, "
                + "%d đường dẫn công khai)%n", cases.size(), Users.values().length, PROTECTED.size(), PUBLIC.size());
        return cases.stream();
    }

    private void signedIn(Users user) {
        String token = user.token();
        Set<String> readable = READABLE.get(user);
        expect(user, "GET /api/plans?size=500", token, 200, body -> assertThat(ids(body.get("content")))
                .as("plans listed").containsExactlyInAnyOrderElementsOf(readable));
        expect(user, "GET /api/plans?size=500&unit=" + enc(Q10), token, 200, body -> assertThat(ids(body.get("content")))
                .as("filter by unit stays within scope")
                .containsExactlyInAnyOrderElementsOf(intersect(readable, Set.of(PLAN_LDC, PLAN_LDC_DRAFT, PLAN_NO_CODE, PLAN_DRAFT_ONLY))));
        for (String plan : ALL) {
            if (readable.contains(plan)) {
                expect(user, "GET /api/plans/" + plan + "/progress", token, 200,
                        body -> assertThat(body.get("planId").asText()).isEqualTo(plan));
            } else {
                expect(user, "GET /api/plans/" + plan + "/progress", token, 404, body -> sameAsMissing(plan, body));
            }
        }
        expect(user, "GET /api/plans/khong-co-ke-hoach-nay/progress", token, 404,
                body -> sameAsMissing("khong-co-ke-hoach-nay", body));
        permissionsOnTheLdcPlan(user, token);

        schoolPage(user, token, LDC, Set.of(PLAN_LDC, PLAN_LDC_DRAFT));
        schoolPage(user, token, TUOI_HONG, Set.of(PLAN_TUOI_HONG));
        schoolPage(user, token, HA_NOI, Set.of(PLAN_HA_NOI));
        schoolPage(user, token, "Thành phố Hồ Chí Minh/Quận 10/Trường Tiểu học Không Mã", Set.of(PLAN_NO_CODE));

        List<String> home = OFFICE_UNIT.get(user);
        if (home != null) {
            expect(user, "GET /api/units", token, 200, body -> {
                assertThat(strings(body.get("path"))).as("opens on the caller's unit").isEqualTo(home);
                assertThat(ids(body.get("plans"))).containsExactlyInAnyOrderElementsOf(readable);
            });
            expect(user, "GET /api/filters", token, 200, body -> assertThat(strings(body.get("schoolYears"))).isNotEmpty());
        } else {
            expect(user, "GET /api/units", token, 403, body -> forbidden(body, "dành cho chuyên viên phòng/sở"));
            expect(user, "GET /api/filters", token, 403, body -> forbidden(body, "dành cho chuyên viên phòng/sở"));
        }
        for (Map.Entry<List<String>, Set<Users>> unit : OVERSEERS.entrySet()) {
            String path = enc(unit.getKey());
            if (unit.getValue().contains(user)) {
                expect(user, "GET /api/units?path=" + path, token, 200, body -> {
                    assertThat(strings(body.get("path"))).isEqualTo(unit.getKey());
                    assertThat(readable).containsAll(ids(body.get("plans")));
                });
                expect(user, "GET /api/filters?unit=" + path, token, 200, body -> assertThat(body.has("schoolYears")).isTrue());
            } else {
                expect(user, "GET /api/units?path=" + path, token, 403, body -> forbidden(body, null));
                expect(user, "GET /api/filters?unit=" + path, token, 403, body -> forbidden(body, null));
            }
        }

        expect(user, "GET /api/me", token, 200, body -> {
            assertThat(body.get("username").asText()).isEqualTo(user.username());
            assertThat(body.get("name").asText()).isEqualTo(user.fullName());
        });

        boolean admin = user == ADMIN;
        for (String maintenance : List.of("GET /api/admin/rebuild", "GET /api/admin/dead-letters",
                "POST /api/admin/dead-letters/retry", "GET /actuator/metrics", "GET /actuator/info")) {
            if (admin) expect(user, maintenance, token, 200, body -> { });
            else expect(user, maintenance, token, 403, body -> forbidden(body, "Chỉ quản trị hệ thống"));
        }
        // Starting a rebuild is refused to everyone else here; the administrator's rebuild runs last.
        if (!admin) expect(user, "POST /api/admin/rebuild", token, 403, body -> forbidden(body, "Chỉ quản trị hệ thống"));

        // The query parameter is accepted on the live stream only.
        expect(user, "GET /api/plans?access_token=" + token, null, 401, body -> unauthenticated(body, false));
    }

    private void permissionsOnTheLdcPlan(Users user, String token) {
        if (!READABLE.get(user).contains(PLAN_LDC)) return;
        Set<String> actions = switch (user) {
            case PRINCIPAL_LDC -> Set.of("APPROVE_PLAN", "EDIT_ITEMS", "SUBMIT_REPORT");
            case COUNCIL_LDC -> Set.of("EDIT_ITEMS");
            case MONITOR_LDC -> Set.of("SUBMIT_REPORT");
            default -> Set.of();
        };
        Set<String> items = switch (user) {
            case MONITOR_LDC -> Set.of(ITEM_LED_BY_HEADS, ITEM_LED_BY_PRINCIPAL, "item-ldc-3");
            case STAFF_LDC -> Set.of(ITEM_LED_BY_HEADS);
            default -> Set.of();
        };
        expect(user, "GET /api/plans/" + PLAN_LDC + "/progress (quyền thao tác)", token, 200, body -> {
            assertThat(strings(body.at("/permissions/actions"))).containsExactlyInAnyOrderElementsOf(actions);
            assertThat(strings(body.at("/permissions/progressItems"))).containsExactlyInAnyOrderElementsOf(items);
        });
    }

    private void schoolPage(Users user, String token, String key, Set<String> plansOfSchool) {
        Set<String> visible = intersect(READABLE.get(user), plansOfSchool);
        String request = "GET /api/school?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        if (visible.isEmpty()) {
            expect(user, request, token, 404, body -> {
                assertThat(body.get("title").asText()).isEqualTo("Không tìm thấy");
                assertThat(body.get("detail").asText()).isEqualTo("Không có trường mã " + key);
            });
        } else {
            expect(user, request, token, 200, body -> assertThat(ids(body.get("plans")))
                    .containsExactlyInAnyOrderElementsOf(visible));
        }
    }

    private void notSignedIn() {
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("không có mã", null);
        tokens.put("mã hết hạn", ADMIN.expiredToken());
        tokens.put("mã ký bằng khoá khác", ADMIN.tokenSignedByAnotherKey());
        tokens.put("mã của nhà cung cấp khác", ADMIN.tokenFromAnotherIssuer());
        tokens.put("mã không phải JWT", "khong-phai-jwt");
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            for (String request : PROTECTED) {
                boolean expired = token.getKey().equals("mã hết hạn");
                cases.add(DynamicTest.dynamicTest(token.getKey() + " · " + request + " → 401", () -> {
                    Api.Response response = call(request, token.getValue());
                    assertThat(response.status()).as(response.body()).isEqualTo(401);
                    assertThat(response.header("WWW-Authenticate")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                            .startsWith("Bearer");
                    unauthenticated(response.json(), expired);
                }));
            }
        }
    }

    private void publicPaths() {
        List<String> tokens = new ArrayList<>(java.util.Arrays.asList(null, ADMIN.expiredToken(), "khong-phai-jwt",
                PRINCIPAL_TH.token()));
        for (String request : PUBLIC) {
            for (String token : tokens) {
                String who = token == null ? "không có mã" : token.equals("khong-phai-jwt") ? "mã hỏng"
                        : token.equals(tokens.get(1)) ? "mã hết hạn" : "mã hợp lệ";
                cases.add(DynamicTest.dynamicTest("công khai · " + who + " · " + request, () -> {
                    Api.Response response = call(request, token);
                    if (request.endsWith("/actuator/health")) {
                        // DOWN (503) while the processor catches up is still an answer, not a refusal.
                        assertThat(response.status()).as(response.body()).isIn(200, 503);
                        assertThat(response.json().has("status")).isTrue();
                        // Components and details (disk paths and sizes, positions) only for an administrator.
                        assertThat(response.json().has("components")).as(response.body()).isFalse();
                    } else {
                        assertThat(response.status()).as(response.body()).isEqualTo(200);
                    }
                }));
            }
        }
    }

    @Test
    @Order(2)
    void anAdministratorSeesTheHealthDetails() throws Exception {
        Api.Response health = call("GET /actuator/health", ADMIN.token());
        assertThat(health.json().at("/components/eventProcessing/details").has("lag")).as(health.body()).isTrue();
        assertThat(health.json().has("components")).isTrue();
        Api.Response officer = call("GET /actuator/health", OFFICER_HCM.token());
        assertThat(officer.json().has("components")).as(officer.body()).isFalse();
    }

    @Test
    @Order(2)
    void theLiveStreamTellsEachSubscriberOnlyOfPlansItMayRead() throws Exception {
        LiveStreams streams = new LiveStreams(api);
        try {
            Map<Users, LiveStreams.Subscription> open = new EnumMap<>(Users.class);
            for (Users user : List.of(PRINCIPAL_LDC, STAFF_LDC, PRINCIPAL_TH, OFFICER_Q10, OFFICER_Q1, OFFICER_HCM,
                    AUDITOR_Q10, NO_ROLE)) {
                open.put(user, streams.openWithQueryToken(user.token()));
            }
            // A header works as well as the query parameter.
            open.put(ADMIN, streams.openWithHeader(ADMIN.token()));
            assertThat(streams.refused(null)).as("no token").isEqualTo(401);
            assertThat(streams.refused(ADMIN.expiredToken())).as("expired token").isEqualTo(401);
            assertThat(streams.refused(ADMIN.tokenSignedByAnotherKey())).as("forged token").isEqualTo(401);

            Set<String> changed = Set.of(PLAN_LDC, PLAN_TUOI_HONG, PLAN_HA_NOI);
            LiveStreams.recordProgress(PLAN_LDC, "item-ldc-3");
            LiveStreams.recordProgress(PLAN_TUOI_HONG, "item-th-1");
            LiveStreams.recordProgress(PLAN_HA_NOI, "item-hn-1");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (Map.Entry<Users, LiveStreams.Subscription> s : open.entrySet()) {
                    assertThat(s.getValue().planIds()).as(s.getKey().name())
                            .containsAll(intersect(READABLE.get(s.getKey()), changed));
                }
            });
            // Every subscriber is served in the same pass over one change; give slow readers a moment.
            Thread.sleep(1000);
            int delivered = 0;
            for (Map.Entry<Users, LiveStreams.Subscription> s : open.entrySet()) {
                Set<String> expected = intersect(READABLE.get(s.getKey()), changed);
                assertThat(s.getValue().planIds()).as("plans announced to " + s.getKey())
                        .containsExactlyInAnyOrderElementsOf(expected);
                delivered += expected.size();
            }
            System.out.printf("Luồng trực tiếp: %d người theo dõi, %d kế hoạch thay đổi, %d thông báo đúng phạm vi%n",
                    open.size(), changed.size(), delivered);
        } finally {
            streams.close();
        }
    }

    @Test
    @Order(3)
    void theAdministratorRebuildsTheReadModel() {
        Api.Response started = api.send("POST", "/api/admin/rebuild", ADMIN.token());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                api.get("/api/admin/rebuild", ADMIN.token()).json().get("state").asText().equals("DONE"));
        vn.caitien.monitoring.support.Fixture.awaitApplied(jdbc);
        assertThat(ids(api.get("/api/plans?size=500", OFFICER_Q1.token()).json().get("content")))
                .containsExactly(PLAN_TUOI_HONG);
    }

    // ---- helpers ----

    private void expect(Users user, String request, String token, int status, Consumer<JsonNode> check) {
        cases.add(DynamicTest.dynamicTest(user + " · " + request + " → " + status, () -> {
            Api.Response response = call(request.replace(" (quyền thao tác)", ""), token);
            assertThat(response.status()).as(response.body()).isEqualTo(status);
            if (status >= 400) {
                assertThat(response.header("Content-Type")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                        .startsWith("application/problem+json");
            }
            check.accept(response.json());
        }));
    }

    private Api.Response call(String request, String token) {
        int space = request.indexOf(' ');
        return api.send(request.substring(0, space), request.substring(space + 1), token);
    }

    /** Out of scope answers exactly like a plan that does not exist. */
    private static void sameAsMissing(String planId, JsonNode body) {
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("title").asText()).isEqualTo("Không tìm thấy");
        assertThat(body.get("detail").asText())
                .isEqualTo("Chưa có kế hoạch mã " + planId + " (hoặc sự kiện của kế hoạch chưa đến)");
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
    }

    private static void forbidden(JsonNode body, String detailPart) {
        assertThat(body.get("status").asInt()).isEqualTo(403);
        assertThat(body.get("title").asText()).isEqualTo("Không có quyền");
        if (detailPart != null) assertThat(body.get("detail").asText()).contains(detailPart);
        else assertThat(body.get("detail").asText()).isNotBlank();
    }

    /**
     * The stand-in issuer's "expired" token is issued after it expires, which the decoder refuses as
     * malformed before judging expiry; both details name the access token.
     */
    private static void unauthenticated(JsonNode body, boolean expired) {
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("title").asText()).isEqualTo("Cần đăng nhập");
        assertThat(body.get("detail").asText()).containsIgnoringCase("mã truy cập (access token)");
        if (!expired) assertThat(body.get("detail").asText()).startsWith("Thiếu hoặc sai mã truy cập");
    }

    static Set<String> ids(JsonNode plans) {
        Set<String> ids = new HashSet<>();
        for (JsonNode plan : plans) ids.add(plan.get("planId").asText());
        return ids;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) for (JsonNode n : array) out.add(n.asText());
        return out;
    }

    private static Set<String> fieldNames(JsonNode body) {
        Set<String> names = new HashSet<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }

    private static String enc(List<String> unit) {
        return URLEncoder.encode(String.join("/", unit), StandardCharsets.UTF_8);
    }
}
