package vn.caitien.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 14 server (zonky's binaries) on localhost whose cluster lives in a directory
 * chosen by the caller and survives restarts.
 *
 * <p>The superuser is {@value #SUPERUSER} without a password (trust authentication, loopback
 * only). The database {@value #DEFAULT_DATABASE} is created on first start.
 *
 * <p>{@link #stop()} and {@link #start()} take the server down and bring it back on the same port
 * and cluster, as an operator restarting PostgreSQL under running clients would (fault-injection
 * tests use them); {@link #close()} ends it for good.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DEFAULT_DATABASE = "caitien";
    public static final String SUPERUSER = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** zonky reads its scratch directory from this property when a Builder is created. */
    private static final String ZONKY_WORKING_DIR_PROPERTY = "ot.epg.working-dir";
    private static final Object ZONKY_BUILDER_LOCK = new Object();

    private final Launcher launcher;
    private final Path dataDirectory;
    private final int port;
    private final Thread shutdownHook;
    /** The running postmaster's zonky handle; null while stopped. */
    private EmbeddedPostgres postgres;
    private boolean closed;

    private EmbeddedPostgresServer(Launcher launcher, EmbeddedPostgres postgres) {
        this.launcher = launcher;
        this.postgres = postgres;
        this.dataDirectory = launcher.data();
        this.port = postgres.getPort();
        // A test that forgets close(), or a JVM ended by SIGTERM, must not leave the daemonised
        // postmaster running: it would keep the port and the data directory locked.
        this.shutdownHook = new Thread(this::close, "caitien-postgres-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port, the same across {@link #stop()} and {@link #start()}. */
    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String username() {
        return SUPERUSER;
    }

    /** JDBC URL without credentials, e.g. {@code jdbc:postgresql://localhost:5433/caitien}. */
    public String jdbcUrl(String database) {
        return jdbcUrl(database, null);
    }

    /**
     * JDBC URL selecting a schema, e.g. {@code jdbc:postgresql://localhost:5433/caitien?currentSchema=plan}.
     * {@code schema} may be null for the server's default search path.
     */
    public String jdbcUrl(String database, String schema) {
        Objects.requireNonNull(database, "database");
        String url = "jdbc:postgresql://localhost:" + port() + "/" + database;
        return schema == null ? url : url + "?currentSchema=" + URLEncoder.encode(schema, StandardCharsets.UTF_8);
    }

    /**
     * Takes the server down (fast shutdown: open transactions are rolled back and every client is
     * disconnected) but keeps this object, so that {@link #start()} brings the same cluster back on
     * the same port. Idempotent.
     */
    public synchronized void stop() {
        requireOpen();
        if (postgres == null) {
            return;
        }
        shutDown();
        LOG.info("PostgreSQL trên cổng {} đã tạm dừng", port);
    }

    /**
     * Starts the server again after {@link #stop()} on the same port and data directory (after crash
     * recovery, if it was stopped the hard way). Does nothing while it runs.
     *
     * @throws IllegalStateException when the port has been taken meanwhile or the server does not come up
     */
    public synchronized void start() {
        requireOpen();
        if (postgres != null) {
            return;
        }
        long startedAt = System.nanoTime();
        try {
            Postmaster.stopLeftover(dataDirectory);
            FreePorts.requireFree(port, "PostgreSQL", "CAITIEN_PG_PORT");
            postgres = launcher.launch(port);
        } catch (IOException e) {
            Postmaster.stopLeftover(dataDirectory);
            throw new UncheckedIOException("Không khởi động lại được PostgreSQL nhúng (nhật ký: "
                    + Builder.logFile(dataDirectory) + ")", e);
        }
        LOG.info("PostgreSQL đã chạy lại tại localhost:{} sau {} ms", port, (System.nanoTime() - startedAt) / 1_000_000);
    }

    /** {@link #stop()} then {@link #start()}: every client loses its connections and must reconnect. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Stops the server (fast shutdown) and waits until the postmaster has exited. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (postgres != null) {
            shutDown();
        }
        removeShutdownHook();
        LOG.info("PostgreSQL trên cổng {} đã dừng", port);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("PostgreSQL trên cổng " + port + " đã đóng");
        }
    }

    private void shutDown() {
        Optional<ProcessHandle> postmaster = Postmaster.running(dataDirectory);
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Lỗi khi dừng PostgreSQL: {}", e.toString());
        } finally {
            postgres = null;
        }
        // zonky gives pg_ctl only 5 seconds and then merely logs; make sure nothing is left behind.
        postmaster.ifPresent(process -> Postmaster.stop(dataDirectory, process, Duration.ofSeconds(10)));
    }

    /**
     * For an owner that closes this server from its own shutdown hook: JVM hooks run in parallel,
     * so a hook of our own could stop PostgreSQL before the owner has stopped its users.
     */
    void removeShutdownHook() {
        if (Thread.currentThread().equals(shutdownHook)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is exiting and our hook runs anyway; close() is idempotent
        }
    }

    /** Settings for {@link EmbeddedPostgresServer}; only the data directory is required. */
    public static final class Builder {
        private int port;
        private Path dataDirectory;
        private Path workingDirectory;
        private Duration startupTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** Port on localhost; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port);
            }
            this.port = port;
            return this;
        }

        /** Cluster directory. An existing cluster is reused as is; an empty or missing one is initialised. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /**
         * Where the PostgreSQL binaries are unpacked (once; about 40 MB). Defaults to the sibling
         * {@code postgres-binaries} of the data directory. Must not contain the data directory:
         * zonky deletes stale-looking sub-directories of its working directory.
         */
        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        /** How long to wait for the server to accept connections (crash recovery may take a while). */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
            return this;
        }

        public EmbeddedPostgresServer start() {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Path data = dataDirectory.toAbsolutePath().normalize();
            Path binaries = workingDirectory != null
                    ? workingDirectory.toAbsolutePath().normalize()
                    : data.resolveSibling("postgres-binaries");
            if (data.startsWith(binaries)) {
                throw new IllegalArgumentException("Thư mục dữ liệu " + data
                        + " không được nằm trong thư mục chương trình " + binaries);
            }
            long startedAt = System.nanoTime();
            try {
                Files.createDirectories(binaries);
                Files.createDirectories(data.getParent());
                requireUsableDataDirectory(data);
                Postmaster.stopLeftover(data);
                int chosenPort = port == 0 ? FreePorts.pick() : port;
                // Without this check pg_ctl fails silently and zonky would happily "connect" to
                // whatever other PostgreSQL already listens on the port.
                FreePorts.requireFree(chosenPort, "PostgreSQL", "CAITIEN_PG_PORT");
                Launcher launcher = new Launcher(data, binaries, startupTimeout);
                EmbeddedPostgresServer server = new EmbeddedPostgresServer(launcher, launcher.launch(chosenPort));
                try {
                    server.prepareDatabase();
                } catch (RuntimeException | SQLException e) {
                    server.close();
                    throw e;
                }
                LOG.info("PostgreSQL đã sẵn sàng tại localhost:{} (dữ liệu: {}) sau {} ms",
                        server.port(), data, (System.nanoTime() - startedAt) / 1_000_000);
                return server;
            } catch (IOException e) {
                // e.g. zonky gave up waiting while the server was still recovering: do not leave it running
                Postmaster.stopLeftover(data);
                throw new UncheckedIOException("Không khởi động được PostgreSQL nhúng (nhật ký: "
                        + logFile(data) + ")", e);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL nhúng đã chạy nhưng không chuẩn bị được CSDL "
                        + DEFAULT_DATABASE, e);
            }
        }

        static Path logFile(Path data) {
            return data.resolveSibling(data.getFileName() + ".log");
        }

        /**
         * zonky captures its scratch directory ({@code /tmp/embedded-pg} by default) when the
         * Builder is created and scans it for stale clusters on every start; point it at our own
         * working directory so nothing of ours lands in /tmp.
         */
        private static EmbeddedPostgres.Builder newZonkyBuilder(Path binaries) {
            synchronized (ZONKY_BUILDER_LOCK) {
                if (System.getProperty(ZONKY_WORKING_DIR_PROPERTY) != null) {
                    return EmbeddedPostgres.builder();
                }
                System.setProperty(ZONKY_WORKING_DIR_PROPERTY, binaries.toString());
                try {
                    return EmbeddedPostgres.builder();
                } finally {
                    System.clearProperty(ZONKY_WORKING_DIR_PROPERTY);
                }
            }
        }

        /**
         * zonky runs initdb whenever postgresql.conf is missing, and initdb refuses a non-empty
         * directory; say clearly what is wrong instead of failing with initdb's exit code.
         */
        private static void requireUsableDataDirectory(Path data) throws IOException {
            if (!Files.isDirectory(data) || Files.exists(data.resolve("postgresql.conf"))) {
                return;
            }
            try (Stream<Path> entries = Files.list(data)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException("Thư mục " + data + " không trống nhưng không chứa "
                            + "cụm PostgreSQL hợp lệ (thiếu postgresql.conf); hãy xoá hoặc chọn thư mục khác");
                }
            }
        }
    }

    /** Starts a postmaster on the cluster with the settings chosen once by the {@link Builder}. */
    private record Launcher(Path data, Path binaries, Duration startupTimeout) {
        EmbeddedPostgres launch(int port) throws IOException {
            Path log = Builder.logFile(data);
            return Builder.newZonkyBuilder(binaries)
                    .setPort(port)
                    .setDataDirectory(data.toFile())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPGStartupWait(startupTimeout)
                    // zonky tunes for throw-away test databases (-F, i.e. fsync off, and
                    // asynchronous commit); this cluster holds the developer's data for good,
                    // so restore PostgreSQL's crash-safe defaults. Costs well under a second.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // The server's own log goes to a file next to the cluster (not inside it:
                    // initdb needs an empty directory) instead of flooding the caller's log.
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        }
    }

    private void prepareDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
            requireOwnCluster(connection);
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, DEFAULT_DATABASE);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + DEFAULT_DATABASE);
                }
                LOG.info("Đã tạo cơ sở dữ liệu {}", DEFAULT_DATABASE);
            }
        }
    }

    /** Guards against having reached a different server that already listened on the port. */
    private void requireOwnCluster(Connection connection) throws SQLException {
        String served;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('data_directory')")) {
            rows.next();
            served = rows.getString(1);
        }
        try {
            if (!Files.isSameFile(Path.of(served), dataDirectory)) {
                throw new IllegalStateException("Cổng " + port() + " đang do một PostgreSQL khác phục vụ ("
                        + served + "), không phải cụm " + dataDirectory);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Không xác minh được thư mục dữ liệu " + served, e);
        }
    }
}
