package dev.conference.bench;

import java.util.Arrays;

/** Recorded call durations and their percentiles (nearest rank). */
final class Latencies {
    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    void record(long duration) {
        nanos[count++] = duration;
    }

    int count() {
        return count;
    }

    boolean full() {
        return count == nanos.length;
    }

    /** The {@code p}-th percentile in milliseconds, {@code p} in (0, 100]. */
    double percentileMillis(double p) {
        if (count == 0) {
            throw new IllegalStateException("no latencies recorded");
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.max(rank, 1) - 1] / 1e6;
    }
}
