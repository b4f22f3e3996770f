package io.gbgate.media.ps;

/**
 * Turns 33-bit MPEG timestamps, which wrap about every 26.5 hours, into a continuous 64-bit
 * timeline: each value is placed in the 2^33 epoch closest to the previous one.
 */
final class TimestampUnwrapper {
    private static final long WRAP = 1L << 33;
    private static final long MASK = WRAP - 1;

    private boolean started;
    private long last;

    long unwrap(long raw) {
        long value = raw & MASK;
        if (!started) {
            started = true;
            last = value;
            return value;
        }
        long candidate = (last & ~MASK) + value;
        if (candidate - last > WRAP / 2) {
            candidate -= WRAP;
        } else if (last - candidate > WRAP / 2) {
            candidate += WRAP;
        }
        last = candidate;
        return candidate;
    }
}
