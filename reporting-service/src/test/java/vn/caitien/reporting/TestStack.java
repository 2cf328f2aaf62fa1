package vn.caitien.reporting;

import org.springframework.test.context.DynamicPropertyRegistry;
import vn.caitien.infra.EmbeddedStack;
import vn.caitien.infra.StackSettings;
import vn.caitien.infra.tokens.StandInIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL, one real Kafka broker and one stand-in token issuer shared by this module's
 * tests (one test JVM), on free ports.
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

    public static synchronized StandInIssuer issuer() {
        if (issuer == null) {
            issuer = StandInIssuer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "stand-in-issuer-shutdown"));
        }
        return issuer;
    }

    public static void register(DynamicPropertyRegistry registry) {
        EmbeddedStack s = get();
        StandInIssuer tokens = issuer();
        registry.add("spring.datasource.url", () -> s.postgres().jdbcUrl("caitien", "reporting"));
        registry.add("axon.kafka.bootstrap-servers", () -> s.kafka().bootstrapServers());
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens::issuerUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens::jwkSetUri);
    }
}
