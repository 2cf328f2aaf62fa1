package vn.caitien.infra.process;

import vn.caitien.api.chain.ChainKeys;
import vn.caitien.infra.InstallationKeys;

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
 * One service started as its own JVM from its runnable jar with the options ./caitien gives it, so
 * system tests, fault drills and benchmarks exercise the services exactly as they run.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final String VERSION = "0.1.0-SNAPSHOT";
    /**
     * The JVM options every service runs with, the same as ./caitien's JVM_OPTS. An out-of-memory error
     * ends the JVM ("Terminating due to java.lang.OutOfMemoryError" in its log) instead of killing
     * whichever thread it hit (the Kafka publisher, Tomcat's poller) and running on half-dead; whoever
     * started it restarts it. No heap dump: a 256 MB file per crash would fill the disk of a small server.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-XX:-HeapDumpOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
    /** Spring Boot's launcher in every runnable jar that reads {@code loader.path} (JarLauncher does not). */
    private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    private static ChainKeys keys;

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

    /**
     * The runnable jar of a service: system property {@code caitien.jar.<name>} (set by the build),
     * else {@code <caitien.root>/<name>/target/<name>-<version>-exec.jar}.
     */
    public static Path jar(String name) {
        String given = System.getProperty("caitien.jar." + name);
        Path jar = given != null ? Path.of(given)
                : Path.of(System.getProperty("caitien.root", "."), name, "target", name + "-" + VERSION + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Runnable jar of " + name + " not found: " + jar.toAbsolutePath());
        }
        return jar;
    }

    /** Started with its log in {@code target/service-logs/<name>.log}, replaced on each start. */
    public static ServiceProcess start(String name, int port, Map<String, String> env, String... args) throws IOException {
        Path log = Files.createDirectories(Path.of("target", "service-logs")).resolve(name + ".log");
        return start(name, log, false, port, env, List.of(args));
    }

    /** Started with its log in the given file, appended across restarts when {@code append}. */
    public static ServiceProcess start(String name, Path log, boolean append, int port, Map<String, String> env,
                                       List<String> args) throws IOException {
        return start(name, log, append, port, env, args, List.of());
    }

    /**
     * The same with more jars or class directories on the service's class path ({@code added}, for the benchmark's
     * in-process hooks): then the runnable jar is started through Spring Boot's PropertiesLauncher, whose
     * {@code loader.path} adds them, instead of {@code -jar}; with none it is started exactly as ./caitien starts it.
     */
    public static ServiceProcess start(String name, Path log, boolean append, int port, Map<String, String> env,
                                       List<String> args, List<Path> added) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        int launch = command.size();
        if (added.isEmpty()) {
            command.addAll(List.of("-jar", jar(name).toString()));
        } else {
            command.addAll(List.of("-cp", jar(name).toString(), "-Dloader.path=" + String.join(",",
                    added.stream().map(p -> p.toAbsolutePath().toString()).toList()), PROPERTIES_LAUNCHER));
        }
        command.add("--server.port=" + port);
        // Extra JVM options (a profiler, another compiler level) go before the launch and override the defaults;
        // {service} in them is the service's name, so each JVM can write its own recording.
        String extra = System.getenv("CAITIEN_SERVICE_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(launch, List.of(extra.trim().replace("{service}", name).split("\\s+")));
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        if (!env.containsKey(InstallationKeys.ENV)) builder.environment().put(InstallationKeys.ENV, keys().dir().toString());
        return new ServiceProcess(name, port, builder.start(), log);
    }

    /**
     * The key files shared by every service this JVM starts (unless the caller's environment names others),
     * made once before the first start; tests that publish plan events seal them with its topic key.
     */
    public static synchronized ChainKeys keys() {
        if (keys == null) {
            try {
                keys = InstallationKeys.createIn(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "keys-"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return keys;
    }

    public URI uri(String path) { return URI.create("http://localhost:" + port + path); }

    public String name() { return name; }

    public int port() { return port; }

    public long pid() { return process.pid(); }

    public boolean isAlive() { return process.isAlive(); }

    public Path log() { return log; }

    /** {@code kill -9}: no shutdown hook, no graceful stop, open requests and transactions cut off. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
        }
    }

    public void awaitHealthy(Duration timeout) throws Exception {
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
        closeAll(java.util.List.of(this));
    }

    /**
     * Stops the services together: each is asked to stop at once and given 20 s between them, then killed.
     * One after the other, a test JVM's shutdown could be cut short by its runner before the last one was
     * even asked, leaving it running.
     */
    public static void closeAll(java.util.List<ServiceProcess> services) throws InterruptedException {
        services.forEach(s -> s.process.destroy());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ServiceProcess s : services) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!s.process.waitFor(left, TimeUnit.NANOSECONDS)) s.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
