package vn.caitien.bench;

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

/**
 * One service started as its own JVM from its runnable jar, with the JVM options ./caitien gives it
 * (copied from infra/system-tests' ServiceProcess, so the services are measured as they run).
 */
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

    /** The runnable jar of a service: system property {@code caitien.jar.<name>}, else the module's target/. */
    static Path jar(String name) {
        String given = System.getProperty("caitien.jar." + name);
        Path jar = given != null ? Path.of(given) : Path.of(System.getProperty("caitien.root", "."), name, "target",
                name + "-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.exists(jar)) throw new IllegalStateException("Runnable jar of " + name + " not found: " + jar.toAbsolutePath());
        return jar;
    }

    static ServiceProcess start(String name, Path logDir, int port, Map<String, String> env, String... args) throws IOException {
        Path log = Files.createDirectories(logDir).resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Dfile.encoding=UTF-8",
                "-jar", jar(name).toString(), "--server.port=" + port));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ServiceProcess(name, port, builder.start(), log);
    }

    URI uri(String path) { return URI.create("http://localhost:" + port + path); }

    String name() { return name; }

    long pid() { return process.pid(); }

    void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException(name + " exited; see " + log.toAbsolutePath());
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + log.toAbsolutePath());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
