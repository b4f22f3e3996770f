package io.gbgate.media.llhls;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.fmp4.Fmp4Fragment;
import io.gbgate.media.fmp4.Fmp4Muxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Decides where parts and segments end and writes them through an {@link Fmp4Muxer}: a part ends
 * before a keyframe (so a keyframe always starts an INDEPENDENT part) or once one more frame would
 * make it longer than the part target; a segment ends at the first keyframe once it lasts at least
 * the segment target, or when the parameter sets change (a new init section follows).
 *
 * <p>A sample is only written once the next access unit gave it its duration, so a part becomes
 * available one frame interval after its last access unit arrived.
 *
 * <p>Program date time: the wall-clock time of decode time 0 (the anchor) is the earliest
 * {@code now - decode time} seen when a part is cut, so access units replayed from the hub's GOP
 * cache (which arrive faster than real time) and late arrivals do not skew it; every segment's
 * time is the anchor plus its decode time, so times and durations always agree. Not thread-safe:
 * one ingest thread drives it.
 */
final class LlHlsPackager implements AutoCloseable {
    /** Where the packager delivers what it cut. */
    interface Listener {
        void init(InitSection init);

        /**
         * {@code opened} is the segment this part starts, or null when it continues the open one;
         * {@code anchorMillis} is the wall-clock time of decode time 0 as now estimated.
         */
        void part(LlHlsPart part, LlHlsSegment opened, long anchorMillis);

        void segmentCompleted();
    }

    private static final int WORKING_CAPACITY = 64 * 1024;
    /** A segment without a keyframe to end it is cut after this many segment targets (a camera that stopped sending keyframes). */
    static final int MAX_SEGMENT_TARGETS = 3;
    private static final long TICKS_PER_MILLI = 90;

    private final LlHlsSettings settings;
    private final Listener listener;
    private final Clock clock;
    private final Fmp4Muxer muxer;
    private final ByteBuf working;
    private int initId = -1;
    private boolean segmentOpen;
    private long msn = -1;
    private int partIndex;
    private long segmentTicks;
    private long anchorMillis = Long.MAX_VALUE;
    private long pendingFirstNanos;
    private long lastArrivalNanos;

    LlHlsPackager(LlHlsSettings settings, ByteBufAllocator allocator, Clock clock, Listener listener) {
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
        this.muxer = new Fmp4Muxer(allocator);
        this.working = allocator.buffer(WORKING_CAPACITY);
    }

    /** Adds one access unit that arrived at {@code arrivalNanos}; false when it is not carried (audio, no keyframe yet, malformed). */
    boolean add(AccessUnit unit, long arrivalNanos) {
        if (!unit.codec().isVideo()) {
            return false;
        }
        boolean carried = true;
        long previousArrival = lastArrivalNanos;
        switch (muxer.add(unit)) {
            case ADDED_NEW_CONFIGURATION -> {
                cutPart(previousArrival, false);
                completeSegment();
                writeInit();
                pendingFirstNanos = arrivalNanos;
            }
            case ADDED -> {
                if (initId < 0) {
                    writeInit();
                    pendingFirstNanos = arrivalNanos;
                } else if (unit.keyframe()) {
                    long segmentSoFar = segmentTicks + muxer.completeDurationTicks();
                    cutPart(previousArrival, false);
                    if (segmentSoFar >= settings.segmentTargetTicks()) {
                        completeSegment();
                    }
                    pendingFirstNanos = arrivalNanos;
                } else if (partIsDue()) {
                    cutPart(previousArrival, false);
                    if (segmentTicks >= MAX_SEGMENT_TARGETS * settings.segmentTargetTicks()) {
                        completeSegment(); // keyframes stopped: bound the open segment, the next one is not independent
                    }
                    pendingFirstNanos = arrivalNanos;
                }
            }
            default -> carried = false;
        }
        lastArrivalNanos = arrivalNanos;
        return carried;
    }

    /** Writes everything still queued as the last part and completes the segment. */
    void finish() {
        if (initId >= 0) {
            cutPart(lastArrivalNanos, true);
        }
        completeSegment();
    }

    @Override
    public void close() {
        muxer.close();
        working.release();
    }

    /** One more frame of the average length would push the complete samples past the part target. */
    private boolean partIsDue() {
        int samples = muxer.completeSamples();
        if (samples == 0) {
            return false;
        }
        long complete = muxer.completeDurationTicks();
        return complete + complete / samples > settings.partTargetTicks();
    }

    private void writeInit() {
        working.clear();
        muxer.writeInitSegment(working);
        initId++;
        listener.init(InitSection.of(initId, ByteBufUtil.getBytes(working)));
    }

    private void cutPart(long lastUnitNanos, boolean last) {
        working.clear();
        Optional<Fmp4Fragment> written = last ? muxer.writeFinalFragment(working) : muxer.writeFragment(working);
        if (written.isEmpty()) {
            return;
        }
        Fmp4Fragment fragment = written.get();
        long endTicks = fragment.baseMediaDecodeTime() + fragment.durationTicks();
        anchorMillis = Math.min(anchorMillis, clock.millis() - endTicks / TICKS_PER_MILLI);
        LlHlsSegment opened = null;
        if (!segmentOpen) {
            segmentOpen = true;
            msn++;
            partIndex = 0;
            segmentTicks = 0;
        }
        LlHlsPart part = new LlHlsPart(new PartPosition(msn, partIndex++), fragment.durationTicks(),
                fragment.independent(), Unpooled.wrappedBuffer(ByteBufUtil.getBytes(working)),
                pendingFirstNanos, lastUnitNanos, System.nanoTime());
        if (part.position().part() == 0) {
            opened = new LlHlsSegment(msn, initId, fragment.baseMediaDecodeTime(), List.of(part), false);
        }
        segmentTicks += fragment.durationTicks();
        listener.part(part, opened, anchorMillis);
    }

    private void completeSegment() {
        if (segmentOpen) {
            segmentOpen = false;
            listener.segmentCompleted();
        }
    }
}
