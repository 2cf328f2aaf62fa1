package vn.caitien.planservice;

import org.springframework.test.context.DynamicPropertyRegistry;
import vn.caitien.infra.EmbeddedStack;
import vn.caitien.infra.StackSettings;
import vn.caitien.infra.tokens.StandInIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL and one real Kafka broker shared by this module's tests (one test JVM), on free
 * ports, and one stand-in token issuer whose RS256 tokens the service validates as in production.
 */
public final class TestStack {
    private static EmbeddedStack stack;
    private static StandInIssuer issuer;

    private TestStack() {
    }

    public static synchronized EmbeddedStack get() {
        if (stack == null) {
            try {
                Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "stack-");
                stack = EmbeddedStack.start(new StackSettings(dir, 0, 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    /** The issuer of the tests' access tokens (see {@link Tokens}). */
    public static synchronized StandInIssuer issuer() {
        if (issuer == null) issuer = StandInIssuer.start();
        return issuer;
    }

    public static void register(DynamicPropertyRegistry registry) {
        EmbeddedStack s = get();
        registry.add("spring.datasource.url", () -> s.postgres().jdbcUrl("caitien", "plan"));
        registry.add("axon.kafka.bootstrap-servers", () -> s.kafka().bootstrapServers());
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer().issuerUri());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> issuer().jwkSetUri());
    }
}
