package vn.caitien.reporting;

import org.springframework.test.context.DynamicPropertyRegistry;
import vn.caitien.infra.EmbeddedStack;
import vn.caitien.infra.SharedTestStack;
import vn.caitien.infra.tokens.StandInIssuer;

/** This module's tests on the shared embedded stack and stand-in token issuer (schema "reporting"). */
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
        SharedTestStack.serviceProperties("reporting").forEach(registry::add);
        // Lag against the store judged in seconds, so a test sees a service that is not catching up quickly.
        registry.add("caitien.processing.stuck-after", () -> "PT2S");
        registry.add("caitien.processing.store-head-stale-after", () -> "PT10S");
    }
}
