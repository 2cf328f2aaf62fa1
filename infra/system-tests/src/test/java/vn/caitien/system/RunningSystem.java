package vn.caitien.system;

import vn.caitien.infra.EmbeddedStack;
import vn.caitien.infra.StackSettings;

import java.net.ServerSocket;
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
    final ServiceProcess plan;
    final ServiceProcess monitoring;
    final ServiceProcess reporting;

    private RunningSystem(EmbeddedStack stack, ServiceProcess plan, ServiceProcess monitoring, ServiceProcess reporting) {
        this.stack = stack;
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
        int planPort = freePort();
        int monitoringPort = freePort();
        Map<String, String> env = Map.of(
                "CAITIEN_PG_PORT", Integer.toString(stack.postgres().port()),
                "CAITIEN_KAFKA_PORT", Integer.toString(stack.kafka().port()));
        ServiceProcess plan = ServiceProcess.start("plan-service", planPort, env,
                "--caitien.web.allowed-origins=http://localhost:" + monitoringPort);
        ServiceProcess monitoring = ServiceProcess.start("monitoring-service", monitoringPort, env,
                "--caitien.web.plan-service-url=http://localhost:" + planPort);
        ServiceProcess reporting = ServiceProcess.start("reporting-service", freePort(), env);
        RunningSystem system = new RunningSystem(stack, plan, monitoring, reporting);
        Runtime.getRuntime().addShutdownHook(new Thread(system::stop, "stop-running-system"));
        for (ServiceProcess s : List.of(plan, monitoring, reporting)) s.awaitHealthy(Duration.ofSeconds(120));
        return system;
    }

    private void stop() {
        for (ServiceProcess s : List.of(plan, monitoring, reporting)) {
            try {
                s.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stack.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
