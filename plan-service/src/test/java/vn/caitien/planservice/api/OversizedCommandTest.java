package vn.caitien.planservice.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.domain.PlanLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command whose event would not fit on the Kafka topic is refused before anything is stored (413
 * problem+json in Vietnamese): stored, it would stop the publisher for every school behind it. The plan's own
 * size limits refuse such content far earlier (OversizedPlanTest); they are raised here so that this last
 * line of defence is still exercised (in the shared context: a second one would run a second publisher).
 */
class OversizedCommandTest extends ApiTestSupport {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlanLimits limits;

    @Test
    void anItemTooLargeForOneEventIsRefusedAndNothingIsStored() throws Exception {
        int entries = limits.getMaxListEntries();
        int commandChars = limits.getMaxCommandChars();
        limits.setMaxListEntries(1_000);
        limits.setMaxCommandChars(10_000_000);
        try {
            refusedByTheEventCap();
        } finally {
            limits.setMaxListEntries(entries);
            limits.setMaxCommandChars(commandChars);
        }
    }

    private void refusedByTheEventCap() throws Exception {
        Api api = new Api(port);
        Api.Response created = api.send("POST", "/api/plans", VersionApiTest.PLAN, tokenFor("/api/plans"));
        assertThat(created.status()).isEqualTo(201);
        String plan = created.body().get("id").asText();
        long before = events(plan);

        String tasks = "\"" + "Sửa chữa phòng học. ".repeat(150) + "\"";
        String item = """
                {"criterionCode": "3.4", "targetResult": "Đủ phòng học", "tasks": [%s], "lead": "Hiệu trưởng"}"""
                .formatted(String.join(", ", java.util.Collections.nCopies(100, tasks)));
        Api.Response refused = api.send("POST", "/api/plans/" + plan + "/items", item, tokenFor("/api/plans"));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body().path("title").asText()).isEqualTo("Nội dung quá lớn để lưu thành một thay đổi của kế hoạch");
        assertThat(refused.body().path("detail").asText()).contains("vượt giới hạn");
        assertThat(events(plan)).isEqualTo(before);

        String small = """
                {"criterionCode": "3.4", "targetResult": "Đủ phòng học", "tasks": ["Sửa chữa"], "lead": "Hiệu trưởng"}""";
        assertThat(api.send("POST", "/api/plans/" + plan + "/items", small, tokenFor("/api/plans")).status()).isEqualTo(201);
    }

    private long events(String plan) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, plan);
    }
}
