package vn.caitien.planservice;

import org.springframework.test.context.DynamicPropertyRegistry;
import vn.caitien.infra.EmbeddedStack;
import vn.caitien.infra.StackSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One real PostgreSQL and one real Kafka broker shared by this module's tests (one test JVM), on free ports. */
public final class TestStack {
    private static EmbeddedStack stack;

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

    public static void register(DynamicPropertyRegistry registry) {
        EmbeddedStack s = get();
        registry.add("spring.datasource.url", () -> s.postgres().jdbcUrl("caitien", "plan"));
        registry.add("axon.kafka.bootstrap-servers", () -> s.kafka().bootstrapServers());
    }
}
