package vn.caitien.infra.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/supervise.sh, as ./caitien up|demo runs each service with it, around a stand-in service started with
 * the services' own JVM options: a kill -9 and a real out-of-memory error both end in the same service
 * healthy again under a new pid; too many exits in a minute leave it stopped; stopping the supervisor stops
 * the service. (The drill does the same to the real services, see FaultInjectionTest.)
 */
class SupervisedRestartTest {
    private static final Path SCRIPT = Path.of("..", "supervise.sh");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process supervisor;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        if (supervisor != null && supervisor.isAlive()) {
            supervisor.destroy();
            supervisor.waitFor(40, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServiceKilledOrOutOfMemoryIsHealthyAgainUnderANewPid() throws Exception {
        int port = freePort();
        Path log = dir.resolve("stand-in.log");
        supervisor = supervise(log, 5, port);
        long first = healthyPid(port);

        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        long second = healthyPid(port, first);

        // A real out-of-memory error: with -XX:+ExitOnOutOfMemoryError the JVM ends (code 3) and is restarted.
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oom")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException connectionCut) {
            // the JVM ended under the request
        }
        long third = healthyPid(port, first, second);

        String console = console();
        assertThat(console).contains("⚠ stand-in dừng bất thường (mã 137); khởi động lại sau 0.2s…")
                .contains("⚠ stand-in dừng bất thường (mã 3, hết bộ nhớ); khởi động lại sau 0.2s…");
        assertThat(Files.readString(log, StandardCharsets.UTF_8))
                .contains("Terminating due to java.lang.OutOfMemoryError").contains("khởi động lại");

        supervisor.destroy();
        assertThat(supervisor.waitFor(40, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(third).map(ProcessHandle::isAlive).orElse(false))
                .as("the service stops with its supervisor").isFalse();
    }

    @Test
    void tooManyExitsInAMinuteLeaveTheServiceStoppedAndSaySo() throws Exception {
        int port = freePort();
        supervisor = supervise(dir.resolve("stand-in.log"), 1, port);
        long first = healthyPid(port);
        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        ProcessHandle.of(healthyPid(port, first)).orElseThrow().destroyForcibly();

        assertThat(supervisor.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(supervisor.exitValue()).isEqualTo(1);
        assertThat(console()).contains("✗ stand-in dừng bất thường (mã 137) lần thứ 2 trong một phút; "
                + "không khởi động lại nữa");
    }

    private Process supervise(Path log, int maxPerMinute, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "stand-in", log.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ServiceProcess.JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StandInService.class.getName(),
                String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.txt").toFile());
        builder.environment().put("CAITIEN_RESTART_BACKOFF", "0.2");
        builder.environment().put("CAITIEN_RESTART_MAX_PER_MINUTE", String.valueOf(maxPerMinute));
        return builder.start();
    }

    private String console() throws IOException {
        return Files.readString(dir.resolve("console.txt"), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The pid that answers health, once one other than the given (dead) ones does (within a minute). */
    private long healthyPid(int port, long... dead) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                long pid = health.statusCode() == 200
                        ? Long.parseLong(health.body().replaceAll(".*\"pid\":(\\d+).*", "$1")) : -1;
                if (pid > 0 && java.util.Arrays.stream(dead).noneMatch(d -> d == pid)) return pid;
            } catch (IOException notYet) {
                // between two lives
            }
            Thread.sleep(100);
        }
        throw new AssertionError("stand-in not healthy within a minute; console: " + console());
    }
}
