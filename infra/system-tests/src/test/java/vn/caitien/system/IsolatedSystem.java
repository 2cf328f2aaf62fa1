package vn.caitien.system;

import vn.caitien.infra.EmbeddedPostgresServer;
import vn.caitien.infra.EmbeddedStack;
import vn.caitien.infra.StackSettings;
import vn.caitien.infra.tokens.StandInIssuer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An embedded stack, a stand-in token issuer and the three services, all of its own: for tests that
 * kill, restart or wipe things and so cannot share {@link RunningSystem}. Everything stops on
 * {@link #close()}; data and logs stay under {@code target/} for a post-mortem.
 */
final class IsolatedSystem implements AutoCloseable {
    static final String PLAN = "plan-service";
    static final String MONITORING = "monitoring-service";
    static final String REPORTING = "reporting-service";

    final String name;
    final EmbeddedStack stack;
    final StandInIssuer issuer;
    final Tokens tokens;
    final ManagedService plan;
    final ManagedService monitoring;
    final ManagedService reporting;
    private final List<ManagedService> extra = new ArrayList<>();

    private IsolatedSystem(String name, EmbeddedStack stack, StandInIssuer issuer, ManagedService plan,
                           ManagedService monitoring, ManagedService reporting) {
        this.name = name;
        this.stack = stack;
        this.issuer = issuer;
        this.tokens = new Tokens(issuer);
        this.plan = plan;
        this.monitoring = monitoring;
        this.reporting = reporting;
    }

    /** Starts the stack and the three services on the default database and waits until all are healthy. */
    static IsolatedSystem start(String name) throws Exception {
        Path target = Files.createDirectories(Path.of("target"));
        deleteEarlierRuns(target, name + "-stack-");
        Path dir = Files.createTempDirectory(target, name + "-stack-");
        EmbeddedStack stack = EmbeddedStack.start(new StackSettings(dir, 0, 0));
        StandInIssuer issuer = null;
        List<ManagedService> started = new ArrayList<>();
        try {
            issuer = StandInIssuer.start();
            Map<String, String> env = baseEnv(stack, issuer);
            int planPort = freePort();
            int reportingPort = freePort();
            // verify compares each plan's chain with reporting-service's copy
            started.add(ManagedService.launch(PLAN, name + " " + PLAN, planPort, env,
                    List.of("--caitien.reporting.url=http://localhost:" + reportingPort), log(name, PLAN)));
            started.add(ManagedService.launch(MONITORING, name + " " + MONITORING, freePort(), env,
                    List.of("--caitien.web.plan-service-url=http://localhost:" + planPort), log(name, MONITORING)));
            started.add(ManagedService.launch(REPORTING, name + " " + REPORTING, reportingPort, env, List.of(),
                    log(name, REPORTING)));
            for (ManagedService s : started) s.awaitHealthy();
            return new IsolatedSystem(name, stack, issuer, started.get(0), started.get(1), started.get(2));
        } catch (Exception | Error e) {
            for (ManagedService s : started) s.close();
            if (issuer != null) issuer.close();
            stack.close();
            throw e;
        }
    }

    /**
     * A monitoring-service and a reporting-service that start from nothing: their schemas in a new,
     * empty database on the same PostgreSQL, their tokens empty, so they read the topic from its start.
     * Returned healthy (possibly still catching up); stopped with the system.
     */
    List<ManagedService> startFreshReadServices(String database) throws Exception {
        createDatabase(database);
        Map<String, String> env = new HashMap<>(baseEnv(stack, issuer));
        String url = stack.postgres().jdbcUrl(database);
        env.put("MONITORING_DB_URL", url + "?currentSchema=monitoring");
        env.put("REPORTING_DB_URL", url + "?currentSchema=reporting");
        ManagedService freshMonitoring = ManagedService.launch(MONITORING, name + " " + MONITORING + " (" + database + ")",
                freePort(), env, List.of("--caitien.web.plan-service-url=http://localhost:" + plan.port()),
                log(name, MONITORING + "-" + database));
        extra.add(freshMonitoring);
        ManagedService freshReporting = ManagedService.launch(REPORTING, name + " " + REPORTING + " (" + database + ")",
                freePort(), env, List.of(), log(name, REPORTING + "-" + database));
        extra.add(freshReporting);
        freshMonitoring.awaitHealthy();
        freshReporting.awaitHealthy();
        return List.of(freshMonitoring, freshReporting);
    }

    /** A connection to the default database, in the given schema (null: the server's search path). */
    Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(EmbeddedPostgresServer.DEFAULT_DATABASE, schema),
                stack.postgres().username(), "");
    }

    void createDatabase(String database) throws SQLException {
        if (!database.matches("[a-z][a-z0-9_]{0,40}")) throw new IllegalArgumentException(database);
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl("postgres"), stack.postgres().username(), "");
             Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
    }

    static Map<String, String> baseEnv(EmbeddedStack stack, StandInIssuer issuer) {
        return Map.of(
                "CAITIEN_PG_PORT", Integer.toString(stack.postgres().port()),
                "CAITIEN_KAFKA_PORT", Integer.toString(stack.kafka().port()),
                "CAITIEN_ISSUER_URI", issuer.issuerUri(),
                "CAITIEN_JWK_SET_URI", issuer.jwkSetUri());
    }

    /** Each run keeps its data for a post-mortem until the next run of the same test (about 110 MB each). */
    private static void deleteEarlierRuns(Path target, String prefix) throws IOException {
        try (Stream<Path> runs = Files.list(target)) {
            for (Path run : runs.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                try (Stream<Path> files = Files.walk(run)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
                }
            }
        }
    }

    private static Path log(String system, String service) {
        return Path.of("target", "service-logs", system + "-" + service + ".log");
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        List<ManagedService> all = new ArrayList<>(extra);
        all.addAll(List.of(plan, monitoring, reporting));
        for (ManagedService s : all) {
            try {
                s.close();
            } catch (RuntimeException e) {
                System.err.println("Không dừng được " + s.label() + ": " + e);
            }
        }
        issuer.close();
        stack.close();
    }
}
