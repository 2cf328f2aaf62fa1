package vn.caitien.system;

import vn.caitien.infra.process.ServiceProcess;
import vn.caitien.infra.EmbeddedStack;
import vn.caitien.infra.StackSettings;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The embedded stack and the three services as processes, started once for all test classes of
 * this module and stopped when the test JVM exits.
 */
final class RunningSystem {
    private static RunningSystem instance;

    final EmbeddedStack stack;
    final ServiceProcess identity;
    final ServiceProcess plan;
    final ServiceProcess monitoring;
    final ServiceProcess reporting;

    private RunningSystem(EmbeddedStack stack, ServiceProcess identity, ServiceProcess plan, ServiceProcess monitoring,
                          ServiceProcess reporting) {
        this.stack = stack;
        this.identity = identity;
        this.plan = plan;
        this.monitoring = monitoring;
        this.reporting = reporting;
    }

    static synchronized RunningSystem get() throws Exception {
        if (instance == null) instance = start();
        return instance;
    }

    private static RunningSystem start() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "stack-");
        EmbeddedStack stack = EmbeddedStack.start(new StackSettings(dir, 0, 0));
        int identityPort = freePort();
        int planPort = freePort();
        int monitoringPort = freePort();
        int reportingPort = freePort();
        String issuer = "http://localhost:" + identityPort;
        String dashboard = "http://localhost:" + monitoringPort;
        Map<String, String> env = Map.of(
                "CAITIEN_PG_PORT", Integer.toString(stack.postgres().port()),
                "CAITIEN_KAFKA_PORT", Integer.toString(stack.kafka().port()),
                "CAITIEN_ISSUER_URI", issuer);
        ServiceProcess identity = ServiceProcess.start("identity", identityPort, env,
                "--caitien.identity.dashboard-urls=" + dashboard, "--caitien.identity.show-demo-users=true");
        ServiceProcess plan = ServiceProcess.start("plan-service", planPort, env,
                "--caitien.web.allowed-origins=" + dashboard, "--caitien.reporting.url=http://localhost:" + reportingPort);
        ServiceProcess monitoring = ServiceProcess.start("monitoring-service", monitoringPort, env,
                "--caitien.web.plan-service-url=http://localhost:" + planPort,
                "--caitien.web.reporting-service-url=http://localhost:" + reportingPort);
        ServiceProcess reporting = ServiceProcess.start("reporting-service", reportingPort, env,
                "--caitien.web.allowed-origins=" + dashboard);
        RunningSystem system = new RunningSystem(stack, identity, plan, monitoring, reporting);
        Runtime.getRuntime().addShutdownHook(new Thread(system::stop, "stop-running-system"));
        for (ServiceProcess s : List.of(identity, plan, monitoring, reporting)) s.awaitHealthy(Duration.ofSeconds(120));
        Http.signInAt(URI.create(issuer));
        return system;
    }

    private void stop() {
        try {
            ServiceProcess.closeAll(List.of(plan, monitoring, reporting, identity));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stack.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
