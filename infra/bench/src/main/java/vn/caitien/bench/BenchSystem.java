package vn.caitien.bench;

import vn.caitien.infra.process.ServiceProcess;
import vn.caitien.infra.EmbeddedPostgresServer;
import vn.caitien.infra.EmbeddedStack;
import vn.caitien.infra.StackSettings;
import vn.caitien.infra.tokens.StandInIssuer;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark runs against: its own embedded stack (real PostgreSQL, in-process KRaft Kafka) in
 * a fresh data directory, a stand-in token issuer, and plan-, monitoring- and reporting-service as
 * processes with the launcher's JVM options. Everything stops on {@link #close()}.
 */
final class BenchSystem implements AutoCloseable {
    private static final String VERSION = "0.1.0-SNAPSHOT";
    final EmbeddedStack stack;
    final StandInIssuer issuer;
    final ServiceProcess plan;
    final ServiceProcess monitoring;
    final ServiceProcess reporting;

    private BenchSystem(EmbeddedStack stack, StandInIssuer issuer, ServiceProcess plan, ServiceProcess monitoring,
                        ServiceProcess reporting) {
        this.stack = stack;
        this.issuer = issuer;
        this.plan = plan;
        this.monitoring = monitoring;
        this.reporting = reporting;
    }

    static BenchSystem start(Path workDir) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "stack-");
        EmbeddedStack stack = EmbeddedStack.start(new StackSettings(dir, 0, 0));
        StandInIssuer issuer = StandInIssuer.start();
        Map<String, String> env = Map.of(
                "CAITIEN_PG_PORT", Integer.toString(stack.postgres().port()),
                "CAITIEN_KAFKA_PORT", Integer.toString(stack.kafka().port()),
                "CAITIEN_ISSUER_URI", issuer.issuerUri(),
                "CAITIEN_JWK_SET_URI", issuer.jwkSetUri());
        Path logs = workDir.resolve("service-logs");
        int planPort = freePort();
        ServiceProcess plan = null, monitoring = null, reporting = null;
        try {
            // The in-process command gateway load (2b) is not in plan-service: its jar (infra/bench-hooks) is added to
            // the service's class path, and the bench profile switches it on.
            plan = ServiceProcess.start("plan-service", logs.resolve("plan-service.log"), false, planPort, env,
                    List.of("--spring.profiles.active=bench"), List.of(hooksJar()));
            monitoring = ServiceProcess.start("monitoring-service", logs.resolve("monitoring-service.log"), false,
                    freePort(), env, List.of("--caitien.web.plan-service-url=http://localhost:" + planPort));
            reporting = ServiceProcess.start("reporting-service", logs.resolve("reporting-service.log"), false, freePort(), env,
                    List.of());
            BenchSystem system = new BenchSystem(stack, issuer, plan, monitoring, reporting);
            for (ServiceProcess s : List.of(plan, monitoring, reporting)) s.awaitHealthy(Duration.ofSeconds(180));
            return system;
        } catch (Exception | Error e) {
            for (ServiceProcess s : new ServiceProcess[]{plan, monitoring, reporting}) if (s != null) s.close();
            issuer.close();
            stack.close();
            throw e;
        }
    }

    /**
     * The bench hooks' jar (or, in a build that has not packaged it yet, its classes): system property
     * {@code caitien.jar.bench-hooks} (set by the build), else {@code <caitien.root>/infra/bench-hooks/target/}.
     */
    static Path hooksJar() {
        String given = System.getProperty("caitien.jar.bench-hooks");
        Path jar = given != null ? Path.of(given) : Path.of(System.getProperty("caitien.root", "."), "infra", "bench-hooks",
                "target", "bench-hooks-" + VERSION + ".jar");
        if (!Files.exists(jar)) throw new IllegalStateException("The bench hooks (infra/bench-hooks) not found: " + jar.toAbsolutePath());
        return jar;
    }

    /** A connection to the default database (caitien) in this schema. */
    Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(EmbeddedPostgresServer.DEFAULT_DATABASE, schema),
                stack.postgres().username(), "");
    }

    /** Freezes a service's JVM (SIGSTOP) so it takes no CPU while something else is measured; {@link #close()} thaws it. */
    void pause(ServiceProcess service) throws Exception {
        signal("-STOP", service);
    }

    private static void signal(String signal, ServiceProcess service) throws Exception {
        new ProcessBuilder("kill", signal, Long.toString(service.pid())).inheritIO().start().waitFor();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess s : List.of(plan, monitoring, reporting)) {
            try {
                signal("-CONT", s);
                s.close();
            } catch (RuntimeException | java.io.IOException e) {
                System.err.println("Không dừng được " + s.name() + ": " + e);
            }
        }
        issuer.close();
        stack.close();
    }
}
