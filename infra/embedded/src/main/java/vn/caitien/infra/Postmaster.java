package vn.caitien.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the postmaster process behind a data directory.
 *
 * <p>pg_ctl starts PostgreSQL as a daemon, so the server outlives a JVM that was killed with
 * SIGKILL, and zonky's own stop gives up after 5 seconds. Both would leave a server holding the
 * data directory and the port; this class finds such a process through {@code postmaster.pid}
 * and stops it with the signals PostgreSQL documents: SIGINT (fast shutdown: roll back open
 * transactions, write a checkpoint) and, as a last resort, SIGQUIT (immediate shutdown: crash
 * recovery on next start, but no orphaned backends as SIGKILL would leave).
 */
final class Postmaster {

    private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);
    private static final String PID_FILE = "postmaster.pid";

    private Postmaster() {
    }

    /** The live postmaster serving {@code dataDirectory}, if any. */
    static Optional<ProcessHandle> running(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Không đọc được {}: {}", pidFile, e.toString());
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // The pid file outlives a crashed server and the number may since belong to another program.
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(Postmaster::looksLikePostgres);
    }

    private static boolean looksLikePostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
    }

    /** Stops a postmaster left over by an earlier run so that a new server can take the directory. */
    static void stopLeftover(Path dataDirectory) {
        running(dataDirectory).ifPresent(process -> {
            LOG.warn("Phát hiện PostgreSQL cũ (pid {}) vẫn giữ thư mục {}; đang dừng nó",
                    process.pid(), dataDirectory);
            stop(dataDirectory, process, Duration.ofSeconds(15));
        });
    }

    /** Fast shutdown, escalating to immediate shutdown when the server does not finish in time. */
    static void stop(Path dataDirectory, ProcessHandle process, Duration timeout) {
        if (hasStopped(dataDirectory, process)) {
            return;
        }
        signal(process, "INT");
        if (awaitStop(dataDirectory, process, timeout)) {
            return;
        }
        LOG.warn("PostgreSQL (pid {}) chưa dừng sau {} giây; buộc dừng ngay", process.pid(),
                timeout.toSeconds());
        signal(process, "QUIT");
        if (!awaitStop(dataDirectory, process, Duration.ofSeconds(10))) {
            LOG.error("Không dừng được PostgreSQL (pid {})", process.pid());
        }
    }

    /**
     * The postmaster deletes its pid file as the very last step of any shutdown, which is also
     * what pg_ctl waits for. Process liveness alone is not enough: the daemonised postmaster is
     * not our child, and where PID 1 reaps orphans lazily (containers) it stays a zombie for a while.
     */
    static boolean hasStopped(Path dataDirectory, ProcessHandle process) {
        return !Files.exists(dataDirectory.resolve(PID_FILE)) || !process.isAlive() || isZombie(process);
    }

    private static boolean awaitStop(Path dataDirectory, ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasStopped(dataDirectory, process)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return hasStopped(dataDirectory, process);
            }
        }
        return true;
    }

    private static boolean isZombie(ProcessHandle process) {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat, StandardCharsets.UTF_8);
            // "pid (command) state ...": the command may contain spaces and parentheses.
            int end = line.lastIndexOf(')');
            return end > 0 && line.length() > end + 2 && line.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void signal(ProcessHandle process, String signal) {
        // ProcessHandle.destroy() only sends SIGTERM, which PostgreSQL treats as a "smart"
        // shutdown that waits for every client to disconnect, possibly forever.
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            process.destroyForcibly();
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("Không gửi được tín hiệu {} tới pid {}: {}", signal, process.pid(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
