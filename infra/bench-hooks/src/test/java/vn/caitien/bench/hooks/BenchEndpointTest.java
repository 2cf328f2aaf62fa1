package vn.caitien.bench.hooks;

import vn.caitien.planservice.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.Tokens;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the profile {@code bench}, administrators can send RecordProgress in-process from several threads: the
 * commands are those of the plan's monitoring team (events, actor, hash chain as over HTTP), and refusals are
 * counted and named, not hidden.
 */
class BenchEndpointTest extends BenchProfileTestSupport {
    static final String PATH = "/api/admin/bench/record-progress";
    static final String PLAN = """
            {"school": {"name": "Trường Tiểu học Lê Đình Chinh", "type": "TIEU_HOC",
                        "managingUnit": ["Thành phố Hồ Chí Minh", "Quận 10"]},
             "frameworkId": "TT17-2018", "schoolYear": "2023 - 2024", "documentNumber": "107/KH-LĐC"}""";
    static final String ITEM = """
            {"criterionCode": "%s", "targetResult": "Đạt chuẩn", "tasks": ["Sửa chữa"], "lead": "Hiệu trưởng"}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    final ObjectMapper json = new ObjectMapper();
    Api api;
    String plan;
    List<String> items;

    @BeforeEach
    void approvedPlan() throws Exception {
        api = new Api(port);
        String principal = Tokens.principal(SCHOOL);
        plan = api.send("POST", "/api/plans", PLAN, principal).body().get("id").asText();
        items = List.of(
                api.send("POST", "/api/plans/" + plan + "/items", ITEM.formatted("3.4"), principal).body().get("id").asText(),
                api.send("POST", "/api/plans/" + plan + "/items", ITEM.formatted("1.5"), principal).body().get("id").asText());
        assertThat(api.send("POST", "/api/plans/" + plan + "/approve", "{}", principal).status()).isEqualTo(200);
    }

    @Test
    void commandsFromSeveralThreadsAreStoredAsTheMonitoringTeamsOwn() throws Exception {
        long before = events();
        Api.Response run = api.send("POST", PATH, request(4, 40, items, 10), Tokens.admin());

        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        JsonNode result = run.body();
        assertThat(result.get("commands").asInt()).isEqualTo(40);
        assertThat(result.get("accepted").asInt()).isEqualTo(40);
        assertThat(result.get("refused").asInt()).isZero();
        assertThat(result.get("firstRefusals")).isEmpty();
        assertThat(result.get("seconds").asDouble()).isPositive();
        assertThat(result.get("perSecond").asDouble()).isPositive();
        assertThat(result.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(result.get("p50Ms").asDouble());
        assertThat(result.get("cpuMsPerCommand").asDouble()).isPositive();
        assertThat(events()).isEqualTo(before + 40);
        // Both items received their share, and each stored event names the school's monitoring team.
        for (String item : items) {
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                    + "and convert_from(payload, 'UTF8') like ?", Long.class, plan, "%" + item + "%")).isEqualTo(1 + 20);
        }
        byte[] metaData = jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number desc limit 1", byte[].class, plan);
        JsonNode stamped = json.readTree(metaData);
        assertThat(stamped.get("actor").asText()).isEqualTo("Tổ giám sát - Thành viên đo hiệu năng");
        assertThat(stamped.get("actorId").asText()).isEqualTo("bench.gs." + SCHOOL);
        assertThat(stamped.get("correlationId").asText()).isNotBlank();
        JsonNode chain = api.get("/api/plans/" + plan + "/verify", Tokens.admin()).body();
        ApiTestSupport.assertChainUntampered(chain);
        assertThat(api.get("/api/plans/" + plan, Tokens.admin()).body().get("version").asLong())
                .isEqualTo(jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                        Long.class, plan));
    }

    /** Each target with bodies of its own, as bodies must suit their item; the school named as the bench sends it. */
    @Test
    void targetsMayCarryTheirOwnBodies() throws Exception {
        ObjectNode request = json.createObjectNode().put("commands", 6);
        for (int i = 0; i < items.size(); i++) {
            ObjectNode target = request.withArray("targets").addObject().put("planId", plan).put("itemId", items.get(i))
                    .put("schoolCode", SCHOOL);
            for (int percent : List.of(10 + i, 20 + i, 30 + i)) {
                target.withArray("bodies").add(json.valueToTree(Map.of("status", "DANG_THUC_HIEN", "percent", percent,
                        "effectiveDate", "2023-10-20")));
            }
        }
        Api.Response run = api.send("POST", PATH, request.toString(), Tokens.admin());

        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        assertThat(run.body().get("accepted").asInt()).isEqualTo(6);
        List<Integer> percents = jdbc.queryForList("select (convert_from(payload, 'UTF8')::jsonb ->> 'percent')::int from "
                + "domain_event_entry where aggregate_identifier = ? and payload_type like '%ProgressRecorded'", Integer.class, plan);
        assertThat(percents).containsExactlyInAnyOrder(10, 20, 30, 11, 21, 31);
    }

    @Test
    void refusalsAreCountedAndNamed() throws Exception {
        Api.Response run = api.send("POST", PATH, request(2, 6, List.of(items.get(0), "khong-co-noi-dung-nay"), 10),
                Tokens.admin());

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body().get("accepted").asInt()).isEqualTo(3);
        assertThat(run.body().get("refused").asInt()).isEqualTo(3);
        assertThat(run.body().get("firstRefusals").get(0).asText())
                .contains("khong-co-noi-dung-nay").contains("Kế hoạch không có nội dung cải tiến");
    }

    @Test
    void onlyAdministratorsMayRunItAndBodiesAreCheckedAsOverHttp() throws Exception {
        long before = events();
        Api.Response monitor = api.send("POST", PATH, request(1, 1, items, 10), Tokens.monitor(SCHOOL));
        assertThat(monitor.status()).isEqualTo(403);
        assertThat(monitor.isProblem()).isTrue();
        Api.Response badBody = api.send("POST", PATH, request(1, 1, items, 120), Tokens.admin());
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.isProblem()).isTrue();
        Api.Response noBody = api.send("POST", PATH, "{\"commands\": 1, \"targets\": [{\"planId\": \"" + plan
                + "\", \"itemId\": \"" + items.get(0) + "\"}]}", Tokens.admin());
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    private String request(int clients, int commands, List<String> itemIds, int percent) {
        ObjectNode body = json.createObjectNode().put("clients", clients).put("commands", commands);
        for (String item : itemIds) body.withArray("targets").addObject().put("planId", plan).put("itemId", item);
        body.withArray("bodies").add(json.valueToTree(Map.of("status", "DANG_THUC_HIEN", "percent", percent,
                "narrative", "Đo hiệu năng trong tiến trình", "effectiveDate", "2023-10-20")));
        return body.toString();
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
