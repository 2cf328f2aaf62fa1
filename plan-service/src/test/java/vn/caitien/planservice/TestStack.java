package vn.caitien.planservice;

import org.springframework.test.context.DynamicPropertyRegistry;
import vn.caitien.infra.EmbeddedStack;
import vn.caitien.infra.SharedTestStack;
import vn.caitien.infra.tokens.StandInIssuer;

/** This module's tests on the shared embedded stack and stand-in token issuer (schema "plan"). */
public final class TestStack {
    private TestStack() {
    }

    public static EmbeddedStack get() {
        return SharedTestStack.stack();
    }

    /** The issuer of the tests' access tokens. */
    public static StandInIssuer issuer() {
        return SharedTestStack.issuer();
    }

    public static void register(DynamicPropertyRegistry registry) {
        SharedTestStack.serviceProperties("plan").forEach(registry::add);
        // No reporting-service runs beside these tests: verify must say it could not compare, whatever else
        // happens to listen on the default port.
        registry.add("caitien.reporting.url", () -> "http://127.0.0.1:1");
        // Publishing health measured often and judged quickly, so a test sees a stopped publisher within seconds.
        registry.add("caitien.publishing.sample-interval", () -> "PT0.3S");
        registry.add("caitien.publishing.stuck-after", () -> "PT3S");
    }
}
