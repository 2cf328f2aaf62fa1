package vn.caitien.planservice.storage;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.api.plan.PlanEvent;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.PlanBodies;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan made over the API (created, two items, approved) and what the tests of how plans are loaded need:
 * the stored version, events appended as another instance of plan-service would, and the count of loads by
 * source ({@code caitien.plan.loads}).
 */
abstract class StoredPlanTestSupport extends ApiTestSupport {
    static final String PLAN = PlanBodies.PLAN;
    static final String ITEM = """
            {"criterionCode": "%s", "targetResult": "%s", "tasks": ["Sửa chữa"], "lead": "Hiệu trưởng"}""";
    static final String PROGRESS = PlanBodies.PROGRESS;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    RecentPlans recentPlans;
    Api api;
    String plan;
    String item;
    String otherItem;

    @BeforeEach
    void approvedPlanWithTwoItems() throws Exception {
        api = new Api(port);
        plan = id(api.send("POST", "/api/plans", PLAN, tokenFor("/api/plans")));
        item = id(send("POST", "/items", ITEM.formatted("3.4", "Đủ phòng vệ sinh")));
        otherItem = id(send("POST", "/items", ITEM.formatted("1.5", "Sĩ số 35 học sinh/lớp")));
        assertThat(send("POST", "/approve", "{}").status()).isEqualTo(200);
    }

    Api.Response send(String method, String path, String body) throws Exception {
        String full = "/api/plans/" + plan + path;
        return api.send(method, full, body, tokenFor(full), Map.of());
    }

    Api.Response recordProgress(String itemId, int percent) throws Exception {
        return send("POST", "/items/" + itemId + "/progress", PROGRESS.formatted(percent));
    }

    long storedVersion() {
        return jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, plan);
    }

    /** The event, appended and committed after the plan's last one, as another instance of plan-service would. */
    void appendedByAnotherInstance(PlanEvent event) {
        SerializedObject<byte[]> payload = eventSerializer.serialize(event, byte[].class);
        byte[] metaData = eventSerializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
        String timestamp = jdbc.queryForObject("select time_stamp from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number desc limit 1", String.class, plan);
        jdbc.update("insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type, "
                        + "time_stamp, aggregate_identifier, sequence_number, type) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), metaData, payload.getData(), payload.getType().getRevision(),
                payload.getType().getName(), timestamp, plan, storedVersion() + 1, "Plan");
    }

    /** How many plans were loaded from this source so far: cache, store or stale. */
    double loads(String source) {
        var counter = meters.find("caitien.plan.loads").tag("source", source).counter();
        return counter == null ? 0 : counter.count();
    }

    static String id(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("id").asText();
    }
}
