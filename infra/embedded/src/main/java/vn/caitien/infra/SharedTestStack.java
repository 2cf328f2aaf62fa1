package vn.caitien.infra;

import vn.caitien.api.chain.ChainKeys;
import vn.caitien.infra.tokens.StandInIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a service's tests share in one test JVM: a real PostgreSQL and Kafka broker on free ports,
 * and a stand-in token issuer whose RS256 tokens the service validates as in production.
 */
public final class SharedTestStack {
    private static EmbeddedStack stack;
    private static StandInIssuer issuer;
    private static ChainKeys keys;

    private SharedTestStack() {
    }

    public static synchronized EmbeddedStack stack() {
        if (stack == null) {
            try {
                Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "stack-");
                stack = EmbeddedStack.start(new StackSettings(dir, 0, 0));
                keys = InstallationKeys.createIn(dir.resolve("keys"));
                // Each test JVM's database and broker take hundreds of MB; kept only when asked for.
                if (!Boolean.getBoolean("caitien.test-stack.keep")) {
                    EmbeddedStack started = stack;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        started.close();
                        deleteQuietly(dir);
                    }, "test-stack-cleanup"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Left for the next clean build.
        }
    }

    public static synchronized StandInIssuer issuer() {
        if (issuer == null) {
            issuer = StandInIssuer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "stand-in-issuer-stop"));
        }
        return issuer;
    }

    /**
     * The key files every service of this test JVM uses (one directory under the stack's): tests that put
     * plan events on Kafka seal them with its topic key ({@code ChainedRecords}).
     */
    public static synchronized ChainKeys keys() {
        stack();
        return keys;
    }

    /** The Spring properties pointing a service, whose tables live in {@code schema}, at this stack. */
    public static Map<String, Supplier<Object>> serviceProperties(String schema) {
        EmbeddedStack s = stack();
        StandInIssuer i = issuer();
        Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", () -> s.postgres().jdbcUrl("caitien", schema));
        properties.put("axon.kafka.bootstrap-servers", () -> s.kafka().bootstrapServers());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", i::issuerUri);
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", i::jwkSetUri);
        properties.put("caitien.keys.dir", () -> keys().dir().toString());
        return properties;
    }
}
