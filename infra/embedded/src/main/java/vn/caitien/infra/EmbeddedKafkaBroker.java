package vn.caitien.infra;

import java.net.BindException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker running inside this JVM: KRaft mode, one process acting as both
 * broker and controller, PLAINTEXT on {@code localhost:<port>}.
 *
 * <p>Records live in the data directory and survive {@link #stop()}/{@link #start()} and JVM
 * restarts. The client port stays the same across restarts so that clients configured with
 * {@link #bootstrapServers()} reconnect by themselves after an outage.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int START_ATTEMPTS = 3;

    private final Path dataDirectory;
    private final boolean portFixed;
    private final Map<String, String> overrides;
    private int port;
    private String clusterId;
    private KafkaRaftServer server;
    private boolean everStarted;
    private boolean closed;

    private EmbeddedKafkaBroker(Builder builder) {
        this.dataDirectory = builder.dataDirectory.toAbsolutePath().normalize();
        this.port = builder.port;
        this.portFixed = builder.port != 0;
        this.overrides = Map.copyOf(builder.overrides);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the broker, or restarts it after {@link #stop()} on the same port and data. Returns
     * once the broker is registered and unfenced, i.e. ready for clients. No-op when running.
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (closed) {
            throw new IllegalStateException("Broker Kafka đã đóng, không thể khởi động lại");
        }
        if (server != null) {
            return this;
        }
        long startedAt = System.nanoTime();
        clusterId = KafkaStorage.formatIfNeeded(dataDirectory, NODE_ID, CONTROLLER_LISTENER);
        for (int attempt = 1; ; attempt++) {
            if (port == 0) {
                port = FreePorts.pick();
            } else {
                FreePorts.requireFree(port, "Kafka", "CAITIEN_KAFKA_PORT");
            }
            // The controller listener is internal (clients never see it) and, with a static quorum,
            // not persisted, so a fresh port per start avoids any clash with the previous run.
            int controllerPort = FreePorts.pick();
            KafkaConfig config = new KafkaConfig(brokerProperties(controllerPort), false);
            KafkaRaftServer candidate = null;
            try {
                candidate = new KafkaRaftServer(config, Time.SYSTEM);
                candidate.startup();
                server = candidate;
                break;
            } catch (RuntimeException e) {
                if (candidate != null) {
                    shutDown(candidate); // startup() does not clean up after itself
                }
                // A port picked by FreePorts can be taken by another process before Kafka binds
                // it: retry with fresh ports. A fixed client port that is taken fails for good.
                if (attempt >= START_ATTEMPTS || !isBindFailure(e)) {
                    throw new IllegalStateException("Không khởi động được Kafka nhúng tại "
                            + bootstrapServers(), e);
                }
                LOG.warn("Cổng vừa chọn cho Kafka đã bị chiếm, thử lại ({}/{})", attempt, START_ATTEMPTS);
                if (!portFixed && !everStarted) {
                    port = 0;
                }
            }
        }
        everStarted = true;
        LOG.info("Kafka {} đã sẵn sàng tại {} (cluster {}, dữ liệu: {}) sau {} ms",
                AppInfoParser.getVersion(), bootstrapServers(), clusterId, dataDirectory,
                (System.nanoTime() - startedAt) / 1_000_000);
        return this;
    }

    /** Shuts the broker down cleanly (data flushed); {@link #start()} brings it back. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long stoppingAt = System.nanoTime();
        shutDown(server);
        server = null;
        LOG.info("Kafka tại {} đã dừng sau {} ms", bootstrapServers(),
                (System.nanoTime() - stoppingAt) / 1_000_000);
    }

    @Override
    public synchronized void close() {
        stop();
        closed = true;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code localhost:<port>}; the port is known once the broker has started. */
    public synchronized String bootstrapServers() {
        return "localhost:" + port;
    }

    public synchronized int port() {
        return port;
    }

    /** The KRaft cluster id kept in {@code meta.properties}; null before the first start. */
    public synchronized String clusterId() {
        return clusterId;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Creates a topic with replication factor 1 unless it already exists (an existing topic is left
     * untouched, whatever its partitions and configs).
     */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        Objects.requireNonNull(name, "name");
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(Map.copyOf(configs));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            LOG.info("Đã tạo chủ đề Kafka {} ({} phân vùng)", name, partitions);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                LOG.debug("Chủ đề Kafka {} đã có sẵn", name);
                return;
            }
            throw new IllegalStateException("Không tạo được chủ đề Kafka " + name, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Hết thời gian chờ tạo chủ đề Kafka " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Bị ngắt khi tạo chủ đề Kafka " + name, e);
        }
    }

    private Map<String, String> brokerProperties(int controllerPort) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDirectory.toString());
        // A single node: every replicated internal topic must make do with one replica.
        props.put("num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        // Topics are part of the contract between services: typos must fail, not create topics.
        props.put("auto.create.topics.enable", "false");
        // Consumers in tests join immediately instead of waiting 3 s for more members.
        props.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner (needed for compacted topics) allocates this buffer on the heap up
        // front; the 128 MB default would take a third of the launcher's -Xmx384m.
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        // After a crash (kill -9) the restarted controller still honours the dead broker's lease
        // and answers DUPLICATE_BROKER_REGISTRATION until it expires: 9 s by default, ~18 s with
        // retry back-off. A shorter lease (heartbeats stay in-process) makes that a few seconds.
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "3000");
        // Fewer threads than the defaults sized for production machines; 2 cores here.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        props.putAll(overrides);
        return props;
    }

    private void shutDown(KafkaRaftServer target) {
        try {
            target.shutdown();
            target.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Lỗi khi dừng Kafka: {}", e.toString());
        }
    }

    private static boolean isBindFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || String.valueOf(cause.getMessage()).contains("failed to bind")) {
                return true;
            }
        }
        return false;
    }

    /** Settings for {@link EmbeddedKafkaBroker}; only the data directory is required. */
    public static final class Builder {
        private Path dataDirectory;
        private int port;
        private final Map<String, String> overrides = new HashMap<>();

        private Builder() {
        }

        /** The Kafka log directory (records, metadata log, meta.properties). */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** Client port on localhost; 0 (the default) picks a free one at first start and keeps it. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port);
            }
            this.port = port;
            return this;
        }

        /** Overrides or adds one broker setting (e.g. {@code log.segment.bytes} in a test). */
        public Builder brokerConfig(String key, String value) {
            overrides.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        /** A broker that is not started yet. */
        public EmbeddedKafkaBroker build() {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            return new EmbeddedKafkaBroker(this);
        }

        public EmbeddedKafkaBroker start() {
            return build().start();
        }
    }
}
