package io.gbgate.media.fmp4;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Arrays;

/**
 * Samples waiting to be written as a fragment: their length-prefixed data in one pooled buffer
 * and their table entries in primitive arrays (no object per sample). A sample's duration is only
 * known when the next one arrives, so the newest sample stays <em>open</em>; the others are
 * <em>complete</em>. Not thread-safe.
 */
final class SampleQueue implements AutoCloseable {
    private static final int INITIAL_SAMPLES = 64;
    private static final int INITIAL_DATA_BYTES = 256 * 1024;

    private final ByteBufAllocator allocator;
    private ByteBuf data;
    private int count;
    private long[] dts = new long[INITIAL_SAMPLES];
    private int[] sizes = new int[INITIAL_SAMPLES];
    private int[] durations = new int[INITIAL_SAMPLES];
    private int[] compositionOffsets = new int[INITIAL_SAMPLES];
    private boolean[] sync = new boolean[INITIAL_SAMPLES];

    SampleQueue(ByteBufAllocator allocator) {
        this.allocator = allocator;
    }

    /** The buffer the next sample's bytes are appended to (by the caller), before {@link #commit}. */
    ByteBuf data() {
        if (data == null) {
            data = allocator.buffer(INITIAL_DATA_BYTES);
        }
        return data;
    }

    /**
     * Records the sample whose {@code size} bytes were just appended to {@link #data()}; the open
     * sample before it becomes complete with duration {@code dts - its dts}.
     */
    void commit(long sampleDts, int size, int compositionOffset, boolean isSync) {
        if (count == dts.length) {
            grow();
        }
        if (count > 0) {
            closeOpenSample(sampleDts - dts[count - 1]);
        }
        dts[count] = sampleDts;
        sizes[count] = size;
        compositionOffsets[count] = compositionOffset;
        sync[count] = isSync;
        count++;
    }

    /** Gives the open sample a duration, making every queued sample complete. */
    void closeOpenSample(long duration) {
        durations[count - 1] = (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration));
    }

    int count() {
        return count;
    }

    long dts(int index) {
        return dts[index];
    }

    int size(int index) {
        return sizes[index];
    }

    int duration(int index) {
        return durations[index];
    }

    int compositionOffset(int index) {
        return compositionOffsets[index];
    }

    boolean sync(int index) {
        return sync[index];
    }

    /** Sum of the durations of the first {@code samples} samples (which must be complete). */
    long totalDuration(int samples) {
        long total = 0;
        for (int i = 0; i < samples; i++) {
            total += durations[i];
        }
        return total;
    }

    /** Bytes taken by the first {@code samples} samples. */
    int bytes(int samples) {
        int total = 0;
        for (int i = 0; i < samples; i++) {
            total += sizes[i];
        }
        return total;
    }

    /** Drops the first {@code samples} samples (written out) and their bytes. */
    void removeFirst(int samples) {
        data.skipBytes(bytes(samples));
        int remaining = count - samples;
        System.arraycopy(dts, samples, dts, 0, remaining);
        System.arraycopy(sizes, samples, sizes, 0, remaining);
        System.arraycopy(durations, samples, durations, 0, remaining);
        System.arraycopy(compositionOffsets, samples, compositionOffsets, 0, remaining);
        System.arraycopy(sync, samples, sync, 0, remaining);
        count = remaining;
        data.discardReadBytes();
    }

    /** Removes the bytes of the last {@code size} appended but not committed (a sample that was given up). */
    void discardUncommitted(int size) {
        data.writerIndex(data.writerIndex() - size);
    }

    @Override
    public void close() {
        if (data != null) {
            data.release();
            data = null;
        }
        count = 0;
    }

    private void grow() {
        int capacity = dts.length * 2;
        dts = Arrays.copyOf(dts, capacity);
        sizes = Arrays.copyOf(sizes, capacity);
        durations = Arrays.copyOf(durations, capacity);
        compositionOffsets = Arrays.copyOf(compositionOffsets, capacity);
        sync = Arrays.copyOf(sync, capacity);
    }
}
