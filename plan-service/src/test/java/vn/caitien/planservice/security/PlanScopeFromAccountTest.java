package vn.caitien.planservice.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.Tokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.caitien.planservice.Tokens.LDC;
import static vn.caitien.planservice.Tokens.LDC_UNIT;
import static vn.caitien.planservice.Tokens.TUOI_HONG;

/**
 * A plan's school and managing unit come from the principal's account, never from the request: a school
 * cannot file its plan under another overseer, and no answer to a create tells whether a plan id is taken.
 */
class PlanScopeFromAccountTest extends ApiTestSupport {
    private static final List<String> QUAN_1 = List.of("Thành phố Hồ Chí Minh", "Quận 1");
    private static final String ANOTHER_DISTRICT = "\"managingUnit\": [\"Tỉnh Bình Dương\", \"Thành phố Dĩ An\"]";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPlanIsFiledUnderThePrincipalsOwnUnitSoItsDistrictSeesItAndOthersDoNot() throws Exception {
        Api api = new Api(port);
        String id = created(api.send("POST", "/api/plans", MatrixFixtures.blankPlan(), Tokens.principal(LDC)));
        JsonNode plan = api.get("/api/plans/" + id, Tokens.officer(LDC_UNIT)).body();
        assertThat(texts(plan.at("/school/managingUnit"))).isEqualTo(LDC_UNIT);
        assertThat(plan.at("/school/code").asText()).isEqualTo(LDC);
        assertThat(api.get("/api/plans/" + id, Tokens.auditor(QUAN_1)).status()).isEqualTo(404);

        // An empty unit names none (the account's is taken); the same path spelled in other case is the account's.
        String empty = MatrixFixtures.blankPlan().replace("\"type\": \"TIEU_HOC\"}", "\"type\": \"TIEU_HOC\", \"managingUnit\": []}");
        assertThat(texts(api.get("/api/plans/" + created(api.send("POST", "/api/plans", empty, Tokens.principal(LDC))),
                Tokens.officer(LDC_UNIT)).body().at("/school/managingUnit"))).isEqualTo(LDC_UNIT);
        String lowerCase = MatrixFixtures.blankPlan().replace("\"type\": \"TIEU_HOC\"}",
                "\"type\": \"TIEU_HOC\", \"managingUnit\": [\"thành phố hồ chí minh\", \" quận 10 \"]}");
        assertThat(texts(api.get("/api/plans/" + created(api.send("POST", "/api/plans", lowerCase, Tokens.principal(LDC))),
                Tokens.officer(LDC_UNIT)).body().at("/school/managingUnit"))).isEqualTo(LDC_UNIT);
    }

    @Test
    void aBodyNamingAnotherUnitIsRefusedInVietnameseAndStoresNothing() throws Exception {
        Api api = new Api(port);
        long before = events();
        String elsewhere = MatrixFixtures.blankPlan().replace("\"type\": \"TIEU_HOC\"}", "\"type\": \"TIEU_HOC\", " + ANOTHER_DISTRICT + "}");
        Api.Response refused = api.send("POST", "/api/plans", elsewhere, Tokens.principal(LDC));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body().get("title").asText()).isEqualTo("Không có quyền");
        assertThat(refused.body().get("detail").asText()).isEqualTo("Đơn vị quản lý của kế hoạch là đơn vị của trường theo "
                + "tài khoản (Thành phố Hồ Chí Minh / Quận 10), không chọn được đơn vị khác (Tỉnh Bình Dương / Thành phố Dĩ An)");
        // The Tuổi Hồng principal cannot file a plan under Quận 10 either (the fixture names Lê Đình Chinh's unit).
        assertThat(api.send("POST", "/api/plans", MatrixFixtures.plan(""), Tokens.principal(TUOI_HONG)).status()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anImportIsFiledUnderThePrincipalsUnitAndTheParameterCannotChooseAnother() throws Exception {
        Api api = new Api(port);
        long before = events();
        String elsewhere = URLEncoder.encode("Tỉnh Bình Dương/Thành phố Dĩ An", StandardCharsets.UTF_8);
        Api.Response refused = api.upload("/api/plans/import?force=true&managingUnit=" + elsewhere, "kh.docx",
                MatrixFixtures.sample(), Tokens.principal(LDC));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asText()).startsWith("Đơn vị quản lý của kế hoạch là đơn vị của trường");
        assertThat(events()).isEqualTo(before);

        Api.Response imported = api.upload("/api/plans/import?force=true", "kh.docx", MatrixFixtures.sample(),
                Tokens.principal(TUOI_HONG));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        String id = imported.body().get("planId").asText();
        JsonNode plan = api.get("/api/plans/" + id, Tokens.auditor(QUAN_1)).body();
        assertThat(texts(plan.at("/school/managingUnit"))).isEqualTo(Tokens.TUOI_HONG_UNIT);
        assertThat(plan.at("/school/code").asText()).isEqualTo(TUOI_HONG);
        assertThat(api.get("/api/plans/" + id, Tokens.officer(LDC_UNIT)).status()).isEqualTo(404);
    }

    @Test
    void aPrincipalWhoseAccountNamesNoUnitCannotCreateAPlan() throws Exception {
        Api api = new Api(port);
        Api.Response refused = api.send("POST", "/api/plans", MatrixFixtures.blankPlan(), Tokens.principal(LDC, null));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asText()).isEqualTo(PlanGuard.NO_UNIT);
        Api.Response noImport = api.upload("/api/plans/import?dryRun=true", "kh.docx", MatrixFixtures.sample(),
                Tokens.principal(LDC, List.of()));
        assertThat(noImport.status()).isEqualTo(403);
    }

    @Test
    void aPlanIdInTheBodyIsRefusedAlikeWhetherItIsAnotherSchoolsPlanOneOfOursOrFree() throws Exception {
        Api api = new Api(port);
        String theirs = created(api.send("POST", "/api/plans", MatrixFixtures.blankPlan(), Tokens.principal(TUOI_HONG)));
        String ours = created(api.send("POST", "/api/plans", MatrixFixtures.blankPlan(), Tokens.principal(LDC)));
        long before = events();
        List<String> answers = new ArrayList<>();
        for (String id : List.of(theirs, ours, UUID.randomUUID().toString())) {
            String body = MatrixFixtures.blankPlan().replaceFirst("\\{", "{\"planId\": \"" + id + "\", ");
            Api.Response r = api.send("POST", "/api/plans", body, Tokens.principal(LDC));
            assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
            assertThat(r.body().at("/errors/0/field").asText()).isEqualTo("planId");
            answers.add(r.status() + " " + r.contentType() + " " + r.body());
        }
        assertThat(answers).as("one answer for every id").containsOnly(answers.get(0));
        assertThat(answers.get(0)).contains("Mã kế hoạch do hệ thống cấp");
        assertThat(events()).isEqualTo(before);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("id").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
