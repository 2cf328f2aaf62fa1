package vn.caitien.planservice;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service over the real event store, Kafka and token issuer, one Spring context for every API test
 * class that extends this (their tests run one after another against the same database anyway).
 */
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
}
