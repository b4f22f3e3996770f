package io.gbgate.gateway.recording;

import io.gbgate.media.AccessUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last seconds of a live stream kept in memory, whole GOPs at a time, so that an event can record what
 * happened before it. Every retained GOP starts at a video keyframe; the buffer keeps the newest GOPs such that
 * the oldest one starts at or before {@code now - retainMillis}, and at most {@code maxBytes} (oldest GOPs are
 * dropped first and counted). Units arriving before the first keyframe are not kept (nothing could decode them).
 *
 * <p>The buffer retains each unit it keeps and releases it when the unit falls out or on {@link #close()}.
 * Not thread-safe: the owner ({@link EventRecorder}) serialises access.
 */
final class PreRollBuffer implements AutoCloseable {

    /** One kept access unit and its arrival time on the wall clock. */
    record Buffered(AccessUnit unit, long arrivalMillis) {
    }

    /** Receives replayed units in arrival order. */
    @FunctionalInterface
    interface Replay {
        void accept(AccessUnit unit, long arrivalMillis);
    }

    private static final class Gop {
        final long startMillis;
        final List<Buffered> units = new ArrayList<>();
        long bytes;

        Gop(long startMillis) {
            this.startMillis = startMillis;
        }
    }

    private final long retainMillis;
    private final long maxBytes;
    private final ArrayDeque<Gop> gops = new ArrayDeque<>();
    private long bytes;
    private long units;
    private long gopsDroppedForSize;

    /**
     * @param retainMillis how far back the buffer must reach (pre-roll plus tolerance for late triggers)
     * @param maxBytes     memory bound of the buffered payloads
     */
    PreRollBuffer(long retainMillis, long maxBytes) {
        if (retainMillis < 0 || maxBytes < 1) {
            throw new IllegalArgumentException("pre-roll buffer needs retain >= 0 ms and a positive byte bound: "
                    + retainMillis + " ms, " + maxBytes + " bytes");
        }
        this.retainMillis = retainMillis;
        this.maxBytes = maxBytes;
    }

    /** Keeps {@code unit} (retaining it) and drops what is no longer needed. */
    void add(AccessUnit unit, long arrivalMillis) {
        if (unit.codec().isVideo() && unit.keyframe()) {
            gops.addLast(new Gop(arrivalMillis));
        } else if (gops.isEmpty()) {
            return;
        }
        Gop last = gops.peekLast();
        last.units.add(new Buffered(unit.retain(), arrivalMillis));
        last.bytes += unit.size();
        bytes += unit.size();
        units++;
        trim(arrivalMillis);
    }

    private void trim(long nowMillis) {
        long cutoff = nowMillis - retainMillis;
        while (gops.size() >= 2 && secondGop().startMillis <= cutoff) {
            dropOldest();
        }
        while (bytes > maxBytes && !gops.isEmpty()) {
            dropOldest();
            gopsDroppedForSize++;
        }
    }

    private Gop secondGop() {
        Iterator<Gop> it = gops.iterator();
        it.next();
        return it.next();
    }

    private void dropOldest() {
        Gop gop = gops.pollFirst();
        for (Buffered b : gop.units) {
            b.unit().release();
        }
        bytes -= gop.bytes;
        units -= gop.units.size();
    }

    /**
     * Hands the buffered units to {@code replay}, oldest first, starting at the newest GOP that begins at or before
     * {@code fromMillis} (or the oldest GOP when none does), but only GOPs beginning after {@code afterMillis}
     * (what an earlier recording already covered). The buffer keeps its units; the receiver retains what it keeps.
     *
     * @return arrival time of the first replayed unit, or -1 when nothing was replayed
     */
    long replay(long fromMillis, long afterMillis, Replay replay) {
        Gop start = null;
        for (Gop gop : gops) {
            if (gop.startMillis <= afterMillis) {
                continue;
            }
            if (start == null || gop.startMillis <= fromMillis) {
                start = gop;
            }
        }
        if (start == null) {
            return -1;
        }
        boolean started = false;
        for (Gop gop : gops) {
            started |= gop == start;
            if (started) {
                for (Buffered b : gop.units) {
                    replay.accept(b.unit(), b.arrivalMillis());
                }
            }
        }
        return start.startMillis;
    }

    /** Wall-clock span from the oldest kept keyframe to the newest unit, 0 when empty. */
    long spanMillis() {
        if (gops.isEmpty()) {
            return 0;
        }
        List<Buffered> newest = gops.peekLast().units;
        return newest.get(newest.size() - 1).arrivalMillis() - gops.peekFirst().startMillis;
    }

    long bytes() {
        return bytes;
    }

    long units() {
        return units;
    }

    /** GOPs dropped because the byte bound was reached (the pre-roll is then shorter than asked). */
    long gopsDroppedForSize() {
        return gopsDroppedForSize;
    }

    /** Releases every kept unit. */
    @Override
    public void close() {
        while (!gops.isEmpty()) {
            dropOldest();
        }
    }
}
