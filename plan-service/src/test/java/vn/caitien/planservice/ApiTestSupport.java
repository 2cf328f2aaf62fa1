package vn.caitien.planservice;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service over the real event store, Kafka and token issuer, one Spring context for every API test
 * class that extends this (their tests run one after another against the same database anyway).
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // serve /actuator/prometheus as in production
public abstract class ApiTestSupport {
    /** The school of the plans the API tests write, unless a test says otherwise. */
    public static final String SCHOOL = Tokens.LDC;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) { TestStack.register(registry); }

    /**
     * Who may send this request to a plan of {@code school}, as "Bearer …": the school's monitoring team
     * records progress, its principal does the rest (create, import, items, approve, reports, reads, verify).
     */
    public static String tokenFor(String path, String school) {
        String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return route.endsWith("/progress") ? Tokens.monitor(school) : Tokens.principal(school);
    }

    public static String tokenFor(String path) {
        return tokenFor(path, SCHOOL);
    }

    /**
     * What {@code GET /api/plans/{id}/verify} says of an untouched plan here: nothing points to tampering, but no
     * reporting-service runs beside these tests, so its copy could not be compared and the plan is not called intact.
     */
    public static void assertChainUntampered(com.fasterxml.jackson.databind.JsonNode report) {
        org.assertj.core.api.Assertions.assertThat(report.get("firstBrokenSequence").isNull()).as(report.toString()).isTrue();
        org.assertj.core.api.Assertions.assertThat(report.get("verdict").asText()).as(report.toString())
                .isEqualTo("CHUA_DOI_CHIEU_DUOC");
        org.assertj.core.api.Assertions.assertThat(report.get("intact").asBoolean()).isFalse();
    }
}
