package vn.caitien.bench;

import java.util.Arrays;
import java.util.List;

/** Latency samples in nanoseconds: nearest-rank percentiles in milliseconds. */
record Stats(long[] sorted) {
    static Stats of(List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return new Stats(a);
    }

    int count() { return sorted.length; }

    double ms(double percentile) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double maxMs() { return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6; }
}
