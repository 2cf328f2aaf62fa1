package vn.caitien.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KRaft storage formatting, the in-process equivalent of {@code kafka-storage.sh format}.
 *
 * <p>A directory is formatted only once: {@code meta.properties} (written last by the formatter,
 * after the bootstrap checkpoint) marks it as done and keeps the cluster id, so every later start
 * reuses the existing topics and records.
 */
final class KafkaStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaStorage.class);
    private static final String META_PROPERTIES = "meta.properties";

    private KafkaStorage() {
    }

    /** Formats {@code logDirectory} if it is not formatted yet and returns its cluster id. */
    static String formatIfNeeded(Path logDirectory, int nodeId, String controllerListenerName) {
        Path metaProperties = logDirectory.resolve(META_PROPERTIES);
        if (Files.exists(metaProperties)) {
            return clusterId(metaProperties);
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(logDirectory);
            // Static quorum (controller.quorum.voters) and the latest production metadata version:
            // what the formatter picks when given no release version or initial controllers.
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setControllerListenerName(controllerListenerName)
                    .setMetadataLogDirectory(logDirectory.toString())
                    .addDirectory(logDirectory.toString())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được thư mục Kafka " + logDirectory, e);
        } catch (Exception e) {
            throw new IllegalStateException("Không định dạng được thư mục Kafka " + logDirectory, e);
        }
        LOG.debug("Kafka storage formatter: {}", output.toString(StandardCharsets.UTF_8).trim());
        LOG.info("Đã khởi tạo thư mục Kafka {} (cluster {})", logDirectory, clusterId);
        return clusterId;
    }

    private static String clusterId(Path metaProperties) {
        Properties properties = new Properties();
        try (InputStream input = Files.newInputStream(metaProperties)) {
            properties.load(input);
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được " + metaProperties, e);
        }
        String clusterId = properties.getProperty("cluster.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalStateException(metaProperties + " không có cluster.id");
        }
        return clusterId;
    }
}
