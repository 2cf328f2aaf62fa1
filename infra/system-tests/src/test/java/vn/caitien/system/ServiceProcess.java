package vn.caitien.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service started as its own JVM from its runnable jar, as ./caitien starts it. */
final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String name, int port, Map<String, String> env, String... args) throws IOException {
        String jar = System.getProperty("caitien.jar." + name);
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("Runnable jar of " + name + " not found: " + jar);
        }
        Path log = Files.createDirectories(Path.of("target", "service-logs")).resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-jar", jar, "--server.port=" + port));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ServiceProcess(name, port, builder.start(), log);
    }

    URI uri(String path) { return URI.create("http://localhost:" + port + path); }

    /**
     * Like {@link #start(String, int, Map, String...)} but logging to the given file, appended across
     * restarts: for tests that run their own services beside the shared ones.
     */
    static ServiceProcess start(String name, Path log, int port, Map<String, String> env, List<String> args)
            throws IOException {
        String jar = System.getProperty("caitien.jar." + name);
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("Runnable jar of " + name + " not found: " + jar);
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-jar", jar, "--server.port=" + port));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ServiceProcess(name, port, builder.start(), log);
    }

    String name() { return name; }

    int port() { return port; }

    long pid() { return process.pid(); }

    boolean isAlive() { return process.isAlive(); }

    Path log() { return log; }

    /** {@code kill -9}: no shutdown hook, no graceful stop, open requests and transactions cut off. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
        }
    }


    void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited; see " + log.toAbsolutePath());
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri(readinessPath())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + log.toAbsolutePath());
    }

    /** The identity server has no actuator; it is ready once it publishes its discovery document. */
    private String readinessPath() {
        return name.equals("identity") ? "/.well-known/openid-configuration" : "/actuator/health";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
