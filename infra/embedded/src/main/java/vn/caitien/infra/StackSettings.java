package vn.caitien.infra;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the embedded stack keeps its data and which localhost ports it listens on.
 *
 * @param dataDir      base directory: {@code postgres/} (cluster), {@code postgres.log},
 *                     {@code postgres-binaries/} and {@code kafka/} (log directory) go inside
 * @param postgresPort PostgreSQL port, 0 for a free one
 * @param kafkaPort    Kafka client port, 0 for a free one
 */
public record StackSettings(Path dataDir, int postgresPort, int kafkaPort) {

    public static final String DATA_DIR_KEY = "CAITIEN_DATA_DIR";
    public static final String POSTGRES_PORT_KEY = "CAITIEN_PG_PORT";
    public static final String KAFKA_PORT_KEY = "CAITIEN_KAFKA_PORT";
    public static final Path DEFAULT_DATA_DIR = Path.of(".caitien", "data");
    public static final int DEFAULT_POSTGRES_PORT = 5433;
    public static final int DEFAULT_KAFKA_PORT = 9092;

    public StackSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        requirePort(postgresPort, POSTGRES_PORT_KEY);
        requirePort(kafkaPort, KAFKA_PORT_KEY);
        if (postgresPort != 0 && postgresPort == kafkaPort) {
            throw new IllegalArgumentException("PostgreSQL và Kafka không thể dùng chung cổng " + kafkaPort);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /**
     * Settings from JVM system properties, then environment variables, then defaults. The data
     * directory is relative to the working directory unless absolute.
     */
    public static StackSettings fromSystem() {
        return from(key -> {
            String value = System.getProperty(key);
            return value != null ? value : System.getenv(key);
        });
    }

    /** Settings from {@code lookup} (null or blank for "not set"). */
    public static StackSettings from(UnaryOperator<String> lookup) {
        String dataDir = lookup.apply(DATA_DIR_KEY);
        return new StackSettings(
                isBlank(dataDir) ? DEFAULT_DATA_DIR : Path.of(dataDir.trim()),
                port(lookup, POSTGRES_PORT_KEY, DEFAULT_POSTGRES_PORT),
                port(lookup, KAFKA_PORT_KEY, DEFAULT_KAFKA_PORT));
    }

    private static int port(UnaryOperator<String> lookup, String key, int defaultPort) {
        String value = lookup.apply(key);
        if (isBlank(value)) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " phải là số cổng, không phải '" + value + "'", e);
        }
    }

    private static void requirePort(int port, String key) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(key + " phải nằm trong khoảng 0–65535, không phải " + port);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
