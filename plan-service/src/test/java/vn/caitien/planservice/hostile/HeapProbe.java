package vn.caitien.planservice.hostile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * What a probe cost the heap of this JVM (where the service under test runs): the heap in use after a
 * full collection before and after it, and how far the old generation, where large arrays go, rose
 * meanwhile. A 200 MB body read whole would show in the rise even if it were garbage again by the end.
 * Printed, so a build log shows every probe's numbers.
 */
public record HeapProbe(String name, long usedBefore, long usedAfter, long oldRise, long rssBefore, long rssAfter) {
    private static final long MB = 1024 * 1024;

    public interface Probe {
        void run() throws Exception;
    }

    public static HeapProbe measure(String name, Probe probe) throws Exception {
        long rssBefore = rss();
        long before = usedAfterGc();
        List<MemoryPoolMXBean> old = oldGeneration();
        old.forEach(MemoryPoolMXBean::resetPeakUsage);
        long oldBefore = old.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        probe.run();
        long oldPeak = old.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        HeapProbe result = new HeapProbe(name, before, usedAfterGc(), Math.max(0, oldPeak - oldBefore), rssBefore, rss());
        System.out.println(result);
        return result;
    }

    /** Heap kept after the probe, less the heap in use before it (negative when it shrank). */
    public long retained() { return usedAfter - usedBefore; }

    /** The larger of what the probe left behind and how far the old generation rose during it. */
    public long cost() { return Math.max(retained(), oldRise); }

    @Override
    public String toString() {
        return String.format("HEAP %s: used before %d MB, after %d MB (max %d MB), old generation rose %d MB during the probe;"
                        + " RSS before %d MB, after %d MB", name, usedBefore / MB, usedAfter / MB,
                Runtime.getRuntime().maxMemory() / MB, oldRise / MB, rssBefore / MB, rssAfter / MB);
    }

    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Resident set size of this process (Linux), 0 where /proc is not there. */
    private static long rss() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    private static List<MemoryPoolMXBean> oldGeneration() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
                .toList();
    }
}
