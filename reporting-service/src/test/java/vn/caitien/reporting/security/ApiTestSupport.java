package vn.caitien.reporting.security;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.caitien.reporting.TestStack;
import vn.caitien.reporting.render.SlowRenders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The real service on a random port over the embedded PostgreSQL and Kafka, validating tokens of the
 * stand-in issuer; one application context for every API test of the module. The two demo schools'
 * plans are published once, through Kafka, before the first test reads them.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // the Prometheus endpoint, as in production
@Import(SlowRenders.class) // renders a test holds wait (timeout path); all others render as in production
abstract class ApiTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    private static TestPlans.Plan leDinhChinh;
    private static TestPlans.Plan tuoiHong;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) { TestStack.register(registry); }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();

    /** Lê Đình Chinh (79000701, Quận 10): approved, progress, start-of-year report submitted. */
    TestPlans.Plan leDinhChinh() {
        plans();
        return leDinhChinh;
    }

    /** Tuổi Hồng (79000102, Quận 1 / Phường Cầu Ông Lãnh): approved, progress, nothing submitted. */
    TestPlans.Plan tuoiHong() {
        plans();
        return tuoiHong;
    }

    private synchronized void plans() {
        if (leDinhChinh != null) return;
        TestPlans.Plan a = TestPlans.leDinhChinh();
        TestPlans.Plan b = TestPlans.tuoiHong();
        try {
            TestPlans.publish(a.events);
            TestPlans.publish(b.events);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        awaitProjected(a);
        awaitProjected(b);
        leDinhChinh = a;
        tuoiHong = b;
    }

    /** Until every event of the plan is in its history (and its report, if any, frozen). */
    void awaitProjected(TestPlans.Plan plan) {
        await().atMost(Duration.ofSeconds(60)).until(() -> count("plan_event", plan.planId) == plan.events.size());
    }

    long count(String table, String planId) {
        return jdbc.queryForObject("select count(*) from " + table + " where plan_id = ?", Long.class, planId);
    }

    HttpResponse<byte[]> send(String method, String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) request.header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        request.method(method, method.equals("GET") || method.equals("OPTIONS")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{\"status\": \"HOAN_THANH\"}"));
        if (!method.equals("GET") && !method.equals("OPTIONS")) request.header("Content-Type", "application/json");
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> get(String path, String token) {
        return send("GET", path, token, Map.of());
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON (" + response.statusCode() + "): " + new String(response.body()), e);
        }
    }
}
