package io.gbgate.media.fmp4;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.MonotonicTimeline;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fragmented MP4 (ISO BMFF, CMAF-style) for one H.264 or H.265 video stream: an init segment and
 * media fragments of whole samples, as LL-HLS parts and fMP4 HLS segments need.
 *
 * <p>Usage: {@link #add} each video access unit; once {@link #track()} is present write the
 * {@link #writeInitSegment init segment}; whenever the caller wants to cut (per GOP: right after
 * adding a keyframe; per part: once {@link #completeDurationTicks()} reaches the part target),
 * {@link #writeFragment} writes every <em>complete</em> sample, that is all but the newest, whose
 * duration is only known when the next one arrives. So a fragment written right after a keyframe
 * was added ends just before it, and the next fragment starts with it ({@link
 * Fmp4Fragment#independent()}). {@link #writeFinalFragment} flushes everything at the end.
 *
 * <p>Samples start at the first keyframe; timestamps are rebased to 0 there and kept monotonic
 * (see {@link MonotonicTimeline}); composition offsets are {@code pts - dts} (signed, trun v1).
 * When a keyframe brings different parameter sets, {@link #add} returns
 * {@link AddResult#ADDED_NEW_CONFIGURATION}: the caller must write the pending fragment, then a new
 * init segment, before adding more. Not thread-safe: one ingest thread drives it.
 */
public final class Fmp4Muxer implements AutoCloseable {
    private static final long MAX_TIMESTAMP_STEP = 10 * 90_000L;
    private static final long DEFAULT_FRAME_TICKS = 3_600;

    /** What {@link #add} did with an access unit. */
    public enum AddResult {
        /** Queued as a sample. */
        ADDED,
        /** Queued as the first sample of a new track configuration (see the class comment). */
        ADDED_NEW_CONFIGURATION,
        /** Dropped: no decodable keyframe yet (or since an unusable one). */
        WAITING_FOR_KEYFRAME,
        /** Dropped: no picture data, or a first keyframe without usable parameter sets. */
        MALFORMED,
        /** Dropped: not H.264/H.265 video. */
        UNSUPPORTED_CODEC
    }

    private final SampleQueue samples;
    private final LengthPrefixedNalUnits converter = new LengthPrefixedNalUnits();
    private final MonotonicTimeline timeline = new MonotonicTimeline(MAX_TIMESTAMP_STEP, DEFAULT_FRAME_TICKS);
    private Fmp4Track track;
    /** A decodable keyframe was queued since the start or the last unusable keyframe. */
    private boolean synced;
    private long nextSequenceNumber = 1;
    private boolean configurationBoundaryPending;
    private boolean closed;
    private final AtomicLong samplesAdded = new AtomicLong();
    private final AtomicLong unitsDropped = new AtomicLong();

    public Fmp4Muxer(ByteBufAllocator allocator) {
        this.samples = new SampleQueue(Objects.requireNonNull(allocator, "allocator"));
    }

    /**
     * Queues one video access unit (Annex B, parameter sets in front of keyframes). The muxer
     * copies what it needs; the caller keeps its reference.
     *
     * @throws IllegalStateException after close, or when a configuration change is still pending
     */
    public AddResult add(AccessUnit unit) {
        if (closed) {
            throw new IllegalStateException("fMP4 muxer closed");
        }
        if (configurationBoundaryPending) {
            throw new IllegalStateException("write the fragment before the new configuration first");
        }
        AddResult result = accept(unit);
        if (result == AddResult.ADDED || result == AddResult.ADDED_NEW_CONFIGURATION) {
            samplesAdded.incrementAndGet();
        } else {
            unitsDropped.incrementAndGet();
        }
        return result;
    }

    /** The track of the current configuration, once a keyframe with parameter sets was added. */
    public Optional<Fmp4Track> track() {
        return Optional.ofNullable(track);
    }

    /** Appends ftyp + moov for the current {@link #track()}. */
    public void writeInitSegment(ByteBuf out) {
        if (track == null) {
            throw new IllegalStateException("no keyframe yet: the track is unknown");
        }
        InitSegmentWriter.write(track, out);
    }

    /** Samples a {@link #writeFragment} would write now. */
    public int completeSamples() {
        return Math.max(0, samples.count() - 1);
    }

    /** Duration of the complete samples (90 kHz). */
    public long completeDurationTicks() {
        return samples.totalDuration(completeSamples());
    }

    /**
     * Appends moof + mdat holding every complete sample.
     *
     * @return what was written, or empty when no sample is complete
     */
    public Optional<Fmp4Fragment> writeFragment(ByteBuf out) {
        configurationBoundaryPending = false;
        return write(completeSamples(), out);
    }

    /** Like {@link #writeFragment}, but also writes the newest sample, giving it the last frame interval. */
    public Optional<Fmp4Fragment> writeFinalFragment(ByteBuf out) {
        configurationBoundaryPending = false;
        if (samples.count() > 0) {
            samples.closeOpenSample(timeline.frameTicks());
        }
        return write(samples.count(), out);
    }

    public long samplesAdded() {
        return samplesAdded.get();
    }

    public long unitsDropped() {
        return unitsDropped.get();
    }

    /** Timestamp steps that were replaced to keep the timeline monotonic. */
    public long timestampDiscontinuities() {
        return timeline.discontinuities();
    }

    /** Releases the queued samples. */
    @Override
    public void close() {
        closed = true;
        samples.close();
    }

    private AddResult accept(AccessUnit unit) {
        if (!unit.codec().isVideo()) {
            return AddResult.UNSUPPORTED_CODEC;
        }
        boolean newConfiguration = false;
        if (unit.keyframe()) {
            ParameterSets sets = ParameterSets.fromAccessUnit(unit);
            if (sets != null && (track == null || !sets.equals(track.parameterSets()))) {
                try {
                    Fmp4Track next = Fmp4Track.of(sets);
                    newConfiguration = track != null;
                    track = next;
                } catch (IllegalArgumentException e) { // includes MalformedBitstreamException
                    synced = false;
                    return AddResult.MALFORMED;
                }
            }
            synced = track != null && unit.codec() == track.codec();
            if (!synced) {
                return AddResult.MALFORMED; // no usable parameter sets for this keyframe
            }
        } else if (!synced) {
            return AddResult.WAITING_FOR_KEYFRAME;
        } else if (unit.codec() != track.codec()) {
            return AddResult.MALFORMED;
        }
        AddResult queued = queue(unit);
        if (queued == AddResult.ADDED && newConfiguration) {
            configurationBoundaryPending = completeSamples() > 0;
            return AddResult.ADDED_NEW_CONFIGURATION;
        }
        if (queued == AddResult.MALFORMED && unit.keyframe()) {
            synced = false;
        }
        return queued;
    }

    private AddResult queue(AccessUnit unit) {
        ByteBuf data = samples.data();
        int size = converter.write(unit.codec(), unit.data(), data);
        if (size == 0) {
            return AddResult.MALFORMED;
        }
        long dts = timeline.mapVideoDts(unit.dts());
        long pts = timeline.mapRelated(unit.pts());
        long offset = pts == MonotonicTimeline.UNPLACEABLE ? 0 : pts - dts;
        samples.commit(dts, size, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, offset)),
                unit.keyframe());
        return AddResult.ADDED;
    }

    private Optional<Fmp4Fragment> write(int count, ByteBuf out) {
        if (count == 0) {
            return Optional.empty();
        }
        Fmp4Fragment fragment = FragmentWriter.write(nextSequenceNumber++, samples, count, out);
        samples.removeFirst(count);
        return Optional.of(fragment);
    }
}
