package vn.caitien.system;

import vn.caitien.infra.process.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A service process that a test may kill and start again on the same port, configuration and log
 * file, as an operator (or an orchestrator) restarting a crashed instance would.
 */
final class ManagedService implements AutoCloseable {
    static final Duration STARTUP = Duration.ofSeconds(150);

    private final String service;
    private final String label;
    private final int port;
    private final Map<String, String> env;
    private final List<String> args;
    private final Path log;
    private volatile ServiceProcess process;

    private ManagedService(String service, String label, int port, Map<String, String> env, List<String> args, Path log) {
        this.service = service;
        this.label = label;
        this.port = port;
        this.env = Map.copyOf(env);
        this.args = List.copyOf(args);
        this.log = log;
    }

    /** Starts {@code service} (plan-service, monitoring-service, reporting-service) without waiting for it. */
    static ManagedService launch(String service, String label, int port, Map<String, String> env, List<String> args,
                                 Path log) throws IOException {
        ManagedService managed = new ManagedService(service, label, port, env, args, log);
        java.nio.file.Files.deleteIfExists(log); // one run per file; restarts append to it
        managed.process = ServiceProcess.start(service, log, true, port, env, args);
        return managed;
    }

    String label() { return label; }

    int port() { return port; }

    long pid() { return process.pid(); }

    Path log() { return log; }

    URI uri(String path) { return process.uri(path); }

    void awaitHealthy() throws Exception { process.awaitHealthy(STARTUP); }

    /** {@code kill -9} the current process. */
    void kill() throws InterruptedException { process.kill(); }

    /** Starts a new process (the old one must be gone) and waits until it is healthy; returns the wait. */
    Duration restart() throws Exception {
        if (process.isAlive()) throw new IllegalStateException(label + " is still running");
        long started = System.nanoTime();
        process = ServiceProcess.start(service, log, true, port, env, args);
        awaitHealthy();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Graceful stop (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
