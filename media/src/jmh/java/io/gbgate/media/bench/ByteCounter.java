package io.gbgate.media.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the input bytes a benchmark consumed; JMH divides by the iteration time, so the
 * secondary result {@code megabytes} reads directly as MB/s (1 MB = 10^6 bytes).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ByteCounter {
    private long bytes;

    @Setup(Level.Iteration)
    public void reset() {
        bytes = 0;
    }

    void add(long count) {
        bytes += count;
    }

    /** Input megabytes of this iteration (as a rate: MB/s). */
    public double megabytes() {
        return bytes / 1e6;
    }
}
