package io.gbgate.gateway.loadtest;

import java.util.Collection;
import java.util.List;

/** Nearest-rank percentiles of a set of durations (milliseconds). */
public final class Percentiles {
    private Percentiles() {
    }

    /** p50 / p90 / p99 / max of {@code count} values; all -1 when there are none. */
    public record Summary(int count, long p50, long p90, long p99, long max) {
        @Override
        public String toString() {
            if (count == 0) {
                return "n/a (no stream got a segment)";
            }
            return String.format("p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (n=%d)", p50, p90, p99, max, count);
        }
    }

    public static Summary of(Collection<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return new Summary(0, -1, -1, -1, -1);
        }
        return new Summary(sorted.size(), rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    /** The nearest-rank {@code percent} percentile of an ascending, non-empty list. */
    static long rank(List<Long> sorted, double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile must be within (0, 100]: " + percent);
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
