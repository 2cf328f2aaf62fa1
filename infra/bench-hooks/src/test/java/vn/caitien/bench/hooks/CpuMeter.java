package vn.caitien.bench.hooks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time spent by this JVM, its request threads, and by the test's PostgreSQL server (its postmaster and every backend), so a
 * load on a shared, busy machine can still be compared by CPU per command when wall-clock rates swing with
 * what else runs. Linux only (/proc); elsewhere both read as zero.
 */
final class CpuMeter {
    /** Clock ticks per second of /proc/<pid>/stat times, as on every Linux with a common kernel config. */
    private static final double TICKS_PER_SECOND = 100;

    private final Path postmasterPid;

    CpuMeter(Path postgresDataDirectory) {
        this.postmasterPid = postgresDataDirectory.resolve("postmaster.pid");
    }

    /**
     * @param jvmNanos            the whole JVM: service, load clients, Kafka broker, JIT compiler, GC
     * @param requestThreadsNanos the threads that handle the commands only (Tomcat's {@code http-nio-*}, and the
     *                            in-process load's {@code bench-client}): without the compiler's warm-up or the
     *                            HTTP clients
     * @param postgresNanos       the PostgreSQL server
     */
    record Reading(long jvmNanos, long requestThreadsNanos, long postgresNanos) {
        Reading since(Reading before) {
            return new Reading(jvmNanos - before.jvmNanos, requestThreadsNanos - before.requestThreadsNanos,
                    postgresNanos - before.postgresNanos);
        }
    }

    Reading read() {
        return new Reading(jvmNanos(), requestThreadsNanos(), postgresNanos());
    }

    private static long requestThreadsNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("http-nio-") || t.getName().startsWith("bench-client")) total += Math.max(0, threads.getThreadCpuTime(t.getId()));
        }
        return total;
    }

    private static long jvmNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The postmaster's own and reaped children's time, plus each live backend's. */
    private long postgresNanos() {
        try {
            long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
            if (postmaster == null) return 0;
            long ticks = ticks(pid, true);
            for (ProcessHandle child : postmaster.children().toList()) ticks += ticks(child.pid(), false);
            return (long) (ticks / TICKS_PER_SECOND * 1e9);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long ticks(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name in parentheses, which may itself contain spaces.
            List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            long own = Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
            return withReapedChildren ? own + Long.parseLong(f.get(13)) + Long.parseLong(f.get(14)) : own;
        } catch (IOException | RuntimeException e) {
            return 0; // a backend that just ended
        }
    }
}
