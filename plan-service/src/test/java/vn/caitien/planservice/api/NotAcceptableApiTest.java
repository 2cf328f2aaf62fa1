package vn.caitien.planservice.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A command asking for an answer the service cannot give is refused before it runs: nothing stored. */
class NotAcceptableApiTest extends ApiTestSupport {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommandThatAcceptsOnlyXmlIsRefusedWith406AndNotStored() throws Exception {
        Api api = new Api(port);
        String plan = VersionApiTest.id(api.send("POST", "/api/plans", VersionApiTest.PLAN, tokenFor("/api/plans")));
        long events = events(plan);
        String path = "/api/plans/" + plan + "/items";
        Api.Response refused = api.send("POST", path, VersionApiTest.ITEM.formatted("Phòng học"), tokenFor(path),
                Map.of("Accept", "application/xml"));
        assertThat(refused.status()).isEqualTo(406);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asText()).contains("application/xml").contains("không được thực hiện");
        assertThat(events(plan)).isEqualTo(events);

        Api.Response accepted = api.send("POST", path, VersionApiTest.ITEM.formatted("Phòng học"), tokenFor(path),
                Map.of("Accept", "text/html, application/json;q=0.9"));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(events(plan)).isEqualTo(events + 1);
    }

    private long events(String plan) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, plan);
    }
}
