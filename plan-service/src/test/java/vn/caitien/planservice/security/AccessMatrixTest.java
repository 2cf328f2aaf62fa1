package vn.caitien.planservice.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.access.Role;
import vn.caitien.infra.tokens.StandInIssuer;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.Tokens;
import vn.caitien.planservice.security.MatrixFixtures.Fixture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.caitien.planservice.Tokens.LDC;
import static vn.caitien.planservice.Tokens.LDC_UNIT;
import static vn.caitien.planservice.Tokens.TUOI_HONG;
import static vn.caitien.planservice.Tokens.TUOI_HONG_UNIT;
import static vn.caitien.planservice.security.MatrixFixtures.PROGRESS;
import static vn.caitien.planservice.security.MatrixFixtures.REPORT;
import static vn.caitien.planservice.security.MatrixFixtures.TEACHERS;

/**
 * Every plan-service endpoint × every kind of user × their relation to the plan (a plan of Lê Đình Chinh,
 * 79000701, under Thành phố Hồ Chí Minh / Quận 10): the school's own people, another school's, officers
 * and auditors whose unit covers it or not, an administrator, a user without roles, no token and bad
 * tokens. Each case asserts the exact answer written down here (not recomputed from Access): 2xx with
 * the events it must store, or 401 / 403 (problem+json naming who may) / 404 identical to the answer for a
 * plan that does not exist; and that a refusal stores nothing.
 */
class AccessMatrixTest extends ApiTestSupport {
    /** Who asks, and what they are to the Lê Đình Chinh plan (the spec, by hand). */
    record Who(String label, String token, boolean valid, boolean reads, boolean audits, boolean principal,
               boolean principalOwn, boolean edits, boolean monitors, boolean leadsItem1, boolean admin) {
    }

    static List<Who> people() {
        StandInIssuer issuer = Tokens.issuer();
        Map<String, Object> claims = Map.of("roles", List.of("PRINCIPAL"), "school_code", LDC);
        return List.of(
                new Who("hiệu trưởng trường mình", Tokens.principal(LDC), true, true, true, true, true, true, false, false, false),
                new Who("hiệu trưởng trường khác", Tokens.principal(TUOI_HONG), true, false, false, true, false, false, false, false, false),
                new Who("hội đồng trường mình", Tokens.council(LDC), true, true, false, false, false, true, false, false, false),
                new Who("hội đồng trường khác", Tokens.council(TUOI_HONG), true, false, false, false, false, false, false, false, false),
                new Who("tổ giám sát trường mình", Tokens.monitor(LDC), true, true, false, false, false, false, true, false, false),
                new Who("tổ giám sát trường khác", Tokens.monitor(TUOI_HONG), true, false, false, false, false, false, false, false, false),
                new Who("giáo viên chủ trì nội dung 1", Tokens.staff(LDC, TEACHERS), true, true, false, false, false, false, false, true, false),
                new Who("giáo viên không chủ trì", Tokens.staff(LDC, "Kế toán"), true, true, false, false, false, false, false, false, false),
                new Who("giáo viên trường khác", Tokens.staff(TUOI_HONG, TEACHERS), true, false, false, false, false, false, false, false, false),
                new Who("chuyên viên Quận 10", Tokens.officer(LDC_UNIT), true, true, false, false, false, false, false, false, false),
                new Who("chuyên viên Sở (thành phố)", Tokens.officer(LDC_UNIT.subList(0, 1)), true, true, false, false, false, false, false, false, false),
                new Who("chuyên viên Bộ (toàn quốc)", Tokens.officer(List.of()), true, true, false, false, false, false, false, false, false),
                new Who("chuyên viên Quận 1", Tokens.officer(TUOI_HONG_UNIT.subList(0, 2)), true, false, false, false, false, false, false, false, false),
                new Who("chuyên viên không có đơn vị", Tokens.bearer("cv-none", "Vô Danh", "Chuyên viên", null, null, List.of(),
                        Role.OFFICER), true, false, false, false, false, false, false, false, false),
                new Who("kiểm định viên Quận 10", Tokens.auditor(LDC_UNIT), true, true, true, false, false, false, false, false, false),
                new Who("kiểm định viên Quận 1", Tokens.auditor(TUOI_HONG_UNIT), true, false, false, false, false, false, false, false, false),
                new Who("quản trị hệ thống", Tokens.admin(), true, true, true, false, false, false, false, false, true),
                new Who("không có vai trò", Tokens.bearer("khach", "Khách", null, LDC, null, List.of()), true, false, false, false, false, false, false, false, false),
                new Who("không có mã truy cập", null, false, false, false, false, false, false, false, false, false),
                new Who("mã hết hạn", "Bearer " + issuer.expiredToken("ht-" + LDC, claims), false, false, false, false, false, false, false, false, false),
                new Who("mã ký bằng khoá lạ", "Bearer " + issuer.tokenSignedByAnotherKey("ht-" + LDC, claims), false, false, false, false, false, false, false, false, false),
                new Who("mã của nơi cấp khác", "Bearer " + issuer.tokenFromAnotherIssuer("ht-" + LDC, claims), false, false, false, false, false, false, false, false, false));
    }

    interface Call {
        Api.Response run(Api api, Fixture plan, String token) throws Exception;
    }

    /** An endpoint, the answer each user must get, and whether an allowed try needs a fresh (approved) plan. */
    record Endpoint(String name, ToIntFunction<Who> expected, boolean fresh, boolean approved, Call call) {
    }

    static int onPlan(Who w, boolean allowed, int ok) {
        if (!w.valid()) return 401;
        if (allowed) return ok;
        return w.reads() ? 403 : 404;
    }

    static int create(Who w, boolean allowed, int ok) {
        if (!w.valid()) return 401;
        return allowed ? ok : 403;
    }

    static List<Endpoint> endpoints() {
        String ldcPlan = MatrixFixtures.plan(LDC);
        String blankPlan = MatrixFixtures.blankPlan();
        String item = MatrixFixtures.item("3.4", TEACHERS);
        return List.of(
                new Endpoint("POST /api/plans (mã trường trống)", w -> create(w, w.principal(), 201), false, false,
                        (api, f, t) -> api.send("POST", "/api/plans", blankPlan, t)),
                new Endpoint("POST /api/plans (mã 79000701)", w -> create(w, w.principalOwn(), 201), false, false,
                        (api, f, t) -> api.send("POST", "/api/plans", ldcPlan, t)),
                new Endpoint("POST /api/plans/import?dryRun=true", w -> create(w, w.principal(), 200), false, false,
                        (api, f, t) -> api.upload("/api/plans/import?dryRun=true", "kh.docx", MatrixFixtures.sample(), t)),
                new Endpoint("POST /api/plans/import", w -> create(w, w.principal(), 201), false, false,
                        (api, f, t) -> api.upload("/api/plans/import?force=true", "kh.docx", MatrixFixtures.sample(), t)),
                new Endpoint("GET /api/plans", w -> w.valid() ? 200 : 401, false, false,
                        (api, f, t) -> api.get("/api/plans", t)),
                new Endpoint("GET /api/plans/{id}", w -> onPlan(w, w.reads(), 200), false, true,
                        (api, f, t) -> api.get("/api/plans/" + f.plan(), t)),
                new Endpoint("GET …/export.docx", w -> onPlan(w, w.reads(), 200), false, true,
                        (api, f, t) -> api.get("/api/plans/" + f.plan() + "/export.docx", t)),
                new Endpoint("GET …/export.xlsx", w -> onPlan(w, w.reads(), 200), false, true,
                        (api, f, t) -> api.get("/api/plans/" + f.plan() + "/export.xlsx", t)),
                new Endpoint("GET …/verify", w -> onPlan(w, w.audits(), 200), false, true,
                        (api, f, t) -> api.get("/api/plans/" + f.plan() + "/verify", t)),
                new Endpoint("POST …/items", w -> onPlan(w, w.edits(), 201), true, false,
                        (api, f, t) -> api.send("POST", "/api/plans/" + f.plan() + "/items", item, t)),
                new Endpoint("PUT …/items/{itemId}", w -> onPlan(w, w.edits(), 200), true, false,
                        (api, f, t) -> api.send("PUT", "/api/plans/" + f.plan() + "/items/" + f.item1(), item, t)),
                new Endpoint("DELETE …/items/{itemId}", w -> onPlan(w, w.edits(), 204), true, false,
                        (api, f, t) -> api.send("DELETE", "/api/plans/" + f.plan() + "/items/" + f.item1(), null, t)),
                new Endpoint("POST …/approve", w -> onPlan(w, w.principalOwn(), 200), true, false,
                        (api, f, t) -> api.send("POST", "/api/plans/" + f.plan() + "/approve", "{\"approvedOn\": \"2023-08-18\"}", t)),
                new Endpoint("POST …/items/{nội dung 1}/progress", w -> onPlan(w, w.monitors() || w.leadsItem1(), 201), true, true,
                        (api, f, t) -> api.send("POST", "/api/plans/" + f.plan() + "/items/" + f.item1() + "/progress", PROGRESS, t)),
                new Endpoint("POST …/items/{nội dung 2}/progress", w -> onPlan(w, w.monitors(), 201), true, true,
                        (api, f, t) -> api.send("POST", "/api/plans/" + f.plan() + "/items/" + f.item2() + "/progress", PROGRESS, t)),
                new Endpoint("POST …/reports", w -> onPlan(w, w.principalOwn() || w.monitors(), 201), true, true,
                        (api, f, t) -> api.send("POST", "/api/plans/" + f.plan() + "/reports", REPORT, t)),
                new Endpoint("GET /actuator/metrics", w -> !w.valid() ? 401 : w.admin() ? 200 : 403, false, false,
                        (api, f, t) -> api.get("/actuator/metrics", t)));
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyEndpointAnswersEveryUserAsWrittenAndRefusalsStoreNothing() throws Exception {
        Api api = new Api(port);
        MatrixFixtures fixtures = new MatrixFixtures(api);
        Fixture draft = fixtures.fixture(false);
        Fixture approved = fixtures.fixture(true);
        String missing = "khong-co-ke-hoach-" + System.nanoTime();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> answers = new TreeMap<>();
        int cases = 0;
        List<Who> people = people();
        for (Endpoint endpoint : endpoints()) {
            for (Who who : people) {
                int expected = endpoint.expected().applyAsInt(who);
                Fixture plan = expected < 300 && endpoint.fresh() ? fixtures.fixture(endpoint.approved())
                        : endpoint.approved() ? approved : draft;
                long before = events();
                Api.Response answer = endpoint.call().run(api, plan, who.token());
                long stored = events() - before;
                cases++;
                answers.merge(answer.status(), 1, Integer::sum);
                String at = endpoint.name() + " × " + who.label() + ": ";
                if (answer.status() != expected) {
                    failures.add(at + "expected " + expected + ", got " + answer.status() + " " + answer.body());
                    continue;
                }
                if (expected >= 300) {
                    if (stored != 0) failures.add(at + "refused but stored " + stored + " events");
                    String defect = refusalDefect(answer, expected);
                    if (defect != null) failures.add(at + defect);
                    if (expected == 404) {
                        Fixture absentPlan = new Fixture(missing, plan.item1(), plan.item2());
                        Api.Response absent = endpoint.call().run(api, absentPlan, who.token());
                        String same = answer.body().toString().replace(plan.plan(), "<id>");
                        String none = absent.body().toString().replace(missing, "<id>");
                        if (absent.status() != 404 || !same.equals(none)) {
                            failures.add(at + "404 differs from a missing plan's: " + same + " vs " + absent.status() + " " + none);
                        }
                    }
                } else {
                    long wanted = expectedEvents(endpoint, answer);
                    if (stored != wanted) failures.add(at + "stored " + stored + " events, expected " + wanted);
                    if (endpoint.name().equals("GET /api/plans")) {
                        boolean listed = false;
                        for (JsonNode p : answer.body()) listed |= p.get("id").asText().equals(approved.plan());
                        if (listed != who.reads()) failures.add(at + (listed ? "lists a plan outside its scope" : "misses its plan"));
                    }
                }
            }
        }
        System.out.printf("%n=== ACCESS MATRIX plan-service: %d cases checked (%d endpoints × %d users), answers %s, "
                + "failures %d%n", cases, endpoints().size(), people.size(), answers, failures.size());
        failures.forEach(f -> System.out.println("  ✗ " + f));
        assertThat(failures).isEmpty();
        assertThat(cases).isEqualTo(endpoints().size() * people.size());
    }

    private static long expectedEvents(Endpoint endpoint, Api.Response answer) {
        if (endpoint.name().startsWith("GET") || endpoint.name().contains("dryRun")) return 0;
        if (!endpoint.name().equals("POST /api/plans/import")) return 1;
        long items = 0;
        for (JsonNode item : answer.body().get("items")) if (item.hasNonNull("itemId")) items++;
        return 1 + items;
    }

    /** A refusal must be problem+json in Vietnamese; 401 with WWW-Authenticate, 403 naming who may. */
    private static String refusalDefect(Api.Response answer, int status) {
        if (!answer.isProblem()) return "refusal is not problem+json: " + answer.contentType();
        JsonNode body = answer.body();
        if (body.path("status").asInt() != status) return "problem status " + body.path("status");
        String title = body.path("title").asText();
        String detail = body.path("detail").asText();
        return switch (status) {
            case 401 -> title.equals("Cần đăng nhập") && detail.contains("mã truy cập")
                    && answer.header("WWW-Authenticate") != null && answer.header("WWW-Authenticate").startsWith("Bearer")
                    ? null : "401 without the sign-in problem or WWW-Authenticate: " + body;
            case 403 -> title.equals("Không có quyền") && detail.startsWith("Chỉ ") ? null : "403 not naming who may: " + body;
            case 404 -> title.equals("Không tìm thấy kế hoạch") ? null : "404 not the missing-plan problem: " + body;
            default -> null;
        };
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
