package se.styrregistret.bench;

import java.util.Arrays;

/** Recorded latencies in nanoseconds; one instance per thread, merged at the end. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = nanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) add(other.values[i]);
    }

    int count() {
        return size;
    }

    /** The q-quantile (0..1) in milliseconds, nearest rank; NaN when nothing was recorded. */
    double percentileMillis(double q) {
        if (size == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1_000_000.0;
    }
}
