package vn.caitien.infra;

import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL plus Kafka with the topics the services expect: the whole infrastructure of
 * Cải tiến, used by the {@code ./caitien} launcher (through {@link EmbeddedStackMain}) and by
 * end-to-end tests.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);

    private final StackSettings settings;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedStack(StackSettings settings, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka) {
        this.settings = settings;
        this.postgres = postgres;
        this.kafka = kafka;
        // One hook for the whole stack keeps the order (Kafka first) on SIGTERM or when a test
        // forgets close(); the server's own hook would run in parallel and could stop it first.
        this.shutdownHook = new Thread(this::close, "caitien-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        postgres.removeShutdownHook();
    }

    /** Starts PostgreSQL, then Kafka, then creates the topics; stops what started if a step fails. */
    public static EmbeddedStack start(StackSettings settings) {
        Objects.requireNonNull(settings, "settings");
        long startedAt = System.nanoTime();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder()
                .dataDirectory(settings.dataDir().resolve("postgres"))
                .workingDirectory(settings.dataDir().resolve("postgres-binaries"))
                .port(settings.postgresPort())
                .start();
        EmbeddedKafkaBroker kafka = null;
        try {
            kafka = EmbeddedKafkaBroker.builder()
                    .dataDirectory(settings.dataDir().resolve("kafka"))
                    .port(settings.kafkaPort())
                    .start();
            createTopics(kafka);
        } catch (RuntimeException e) {
            closeAll(kafka, postgres, e);
            throw e;
        }
        LOG.info("Hạ tầng nhúng đã sẵn sàng sau {} ms", (System.nanoTime() - startedAt) / 1_000_000);
        return new EmbeddedStack(settings, postgres, kafka);
    }

    /** Idempotent: existing topics (and their records) are kept. */
    static void createTopics(EmbeddedKafkaBroker kafka) {
        // Events are the source of truth for the read models: never delete them by age.
        kafka.createTopic(Topics.PLAN_EVENTS, Topics.PARTITIONS, Map.of("retention.ms", "-1"));
        // Only the latest progress per key matters; compaction keeps the topic small.
        kafka.createTopic(Topics.PLAN_PROGRESS, Topics.PARTITIONS, Map.of("cleanup.policy", "compact"));
        // What the events' hash chains are checked against: kept as long as the events.
        kafka.createTopic(Topics.PLAN_CHECKPOINTS, Topics.PARTITIONS, Map.of("retention.ms", "-1"));
        // Only the newest store head counts: one partition, compacted, short-lived segments.
        kafka.createTopic(Topics.PLAN_STORE_HEAD, 1, Map.of("cleanup.policy", "compact", "segment.ms", "3600000"));
    }

    public StackSettings settings() {
        return settings;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    /** Stops Kafka, then PostgreSQL. Idempotent; also runs on JVM shutdown. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Đang dừng hạ tầng nhúng…");
        long stoppingAt = System.nanoTime();
        if (!Thread.currentThread().equals(shutdownHook)) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway and finds the stack closed
            }
        }
        closeAll(kafka, postgres, null);
        LOG.info("Đã dừng hạ tầng nhúng sau {} ms", (System.nanoTime() - stoppingAt) / 1_000_000);
    }

    private static void closeAll(EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres, RuntimeException failure) {
        RuntimeException error = failure;
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException e) {
                error = addTo(error, e);
            }
        }
        try {
            postgres.close();
        } catch (RuntimeException e) {
            error = addTo(error, e);
        }
        if (failure == null && error != null) {
            throw error;
        }
    }

    private static RuntimeException addTo(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
