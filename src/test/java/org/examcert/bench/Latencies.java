package org.examcert.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, recorded from many threads; percentiles in milliseconds. */
final class Latencies {
    private long[] values = new long[1 << 12];
    private int n;

    synchronized void add(long nanos) {
        if (n == values.length) {
            values = Arrays.copyOf(values, n * 2);
        }
        values[n++] = nanos;
    }

    /** How many took at most {@code nanos}. */
    synchronized long countAtMost(long nanos) {
        return Arrays.stream(values, 0, n).filter(v -> v <= nanos).count();
    }

    synchronized int size() {
        return n;
    }

    synchronized double pct(double p) {
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)] / 1e6;
    }

    synchronized double max() {
        return n == 0 ? 0 : Arrays.stream(values, 0, n).max().orElse(0) / 1e6;
    }
}
