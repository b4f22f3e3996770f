package io.gbgate.media.hls;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.MonotonicTimeline;
import io.gbgate.media.hub.StreamSink;
import io.gbgate.media.ts.TsMuxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live HLS for one stream: muxes access units into MPEG-TS segments and keeps a sliding window
 * of the last completed ones together with their media playlist.
 *
 * <p>Segmenting starts at the first video keyframe; a segment is cut at a keyframe once it lasts
 * at least the target duration, so every segment starts with PAT/PMT and a keyframe. Timestamps
 * are rebased onto a monotonic timeline (see {@link MonotonicTimeline}): 33-bit wraps pass through,
 * backward steps and jumps are smoothed over, and durations are never negative. AAC audio is
 * carried from the first segment that starts after AAC was seen; G.711 and other codecs are
 * counted and skipped.
 *
 * <p>Threads: {@link #onAccessUnit} and {@link #onStreamClosed} may come from any thread; the
 * ingest state is guarded by a lock that readers never take. {@link #playlist}, {@link #segment}
 * and {@link #stats} read an immutable snapshot and never wait for muxing. {@link #close()}
 * (or the stream closing) releases the working buffer.
 */
public final class HlsSegmenter implements StreamSink, AutoCloseable {
    public static final int PLAYLIST_VERSION = 3;
    private static final double TICKS_PER_SECOND = 90_000.0;
    /** Output timeline origin (1.4 s, as ffmpeg does) so PCR = DTS - lead stays positive. */
    private static final long TIMELINE_ORIGIN = 126_000;
    private static final long MAX_TIMESTAMP_STEP = 10 * 90_000;
    private static final long DEFAULT_FRAME_TICKS = 3_600;
    private static final int INITIAL_SEGMENT_CAPACITY = 256 * 1024;

    private final HlsSettings settings;
    private final ByteBufAllocator allocator;
    private final CompletableFuture<Void> firstSegment = new CompletableFuture<>();
    private volatile SegmentWindow window = SegmentWindow.EMPTY;

    private final Object ingestLock = new Object();
    // guarded by ingestLock
    private MonotonicTimeline timeline;
    private TsMuxer muxer;
    private ByteBuf working;
    private boolean segmentOpen;
    private long segmentStartDts;
    private long lastVideoDts;
    private boolean aacSeen;
    /** The first segment's video while it has no audio track, or null. */
    private FirstSegmentVideo firstSegmentVideo;
    private boolean closed;
    private volatile String closeReason;

    private final AtomicLong unitsReceived = new AtomicLong();
    private final AtomicLong unitsMuxed = new AtomicLong();
    private final AtomicLong unitsSkippedWaitingForKeyframe = new AtomicLong();
    private final AtomicLong unsupportedAudioUnits = new AtomicLong();
    private final AtomicLong audioUnitsDropped = new AtomicLong();
    private final AtomicLong unitsMalformed = new AtomicLong();
    private final AtomicLong timestampDiscontinuities = new AtomicLong();
    private final AtomicLong segmentsDiscarded = new AtomicLong();
    private final AtomicLong bytesPublished = new AtomicLong();

    public HlsSegmenter() {
        this(HlsSettings.defaults(), ByteBufAllocator.DEFAULT);
    }

    /** @param allocator where the working buffer of the open segment comes from */
    public HlsSegmenter(HlsSettings settings, ByteBufAllocator allocator) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    @Override
    public void onAccessUnit(AccessUnit unit) {
        unitsReceived.incrementAndGet();
        synchronized (ingestLock) {
            if (closed) {
                return;
            }
            if (unit.codec().isVideo()) {
                ingestVideo(unit);
            } else {
                ingestAudio(unit);
            }
        }
        completeFirstSegmentIfPublished();
    }

    /** Completes the open segment (if any), ends the playlist and frees the working buffer. */
    @Override
    public void onStreamClosed(String reason) {
        synchronized (ingestLock) {
            if (closed) {
                return;
            }
            closed = true;
            closeReason = reason;
            if (segmentOpen) {
                publishSegment(lastVideoDts - segmentStartDts + timeline.frameTicks());
            }
            dropFirstSegmentVideo();
            if (working != null) {
                working.release();
                working = null;
            }
            window = window.end();
        }
        if (!completeFirstSegmentIfPublished()) {
            firstSegment.completeExceptionally(new HlsStreamClosedException(reason));
        }
    }

    @Override
    public void close() {
        onStreamClosed("HLS output closed");
    }

    /**
     * The live media playlist. Segment URIs are {@code segment-<seq>.ts} followed by
     * {@code uriQuerySuffix} verbatim (e.g. {@code "?token=..."}; null or empty for none).
     */
    public String playlist(String uriQuerySuffix) {
        String suffix = uriQuerySuffix == null ? "" : uriQuerySuffix;
        SegmentWindow snapshot = window;
        double longest = Math.max(snapshot.longestSeconds(), settings.targetDuration().toMillis() / 1000.0);
        HlsPlaylistWriter writer = new HlsPlaylistWriter()
                .version(PLAYLIST_VERSION)
                .targetDuration((long) Math.ceil(roundToMillis(longest)))
                .mediaSequence(snapshot.mediaSequence());
        for (HlsSegment segment : snapshot.segments()) {
            writer.segment(segment.durationSeconds(), segment.fileName() + suffix);
        }
        if (snapshot.ended()) {
            writer.endList();
        }
        return writer.toString();
    }

    /** A segment still in the live window. */
    public Optional<HlsSegment> segment(long sequence) {
        return window.find(sequence);
    }

    /**
     * Completes when the first segment is complete; completes exceptionally with
     * {@link HlsStreamClosedException} when the stream closes before that.
     */
    public CompletableFuture<Void> firstSegment() {
        return firstSegment.copy();
    }

    public boolean isClosed() {
        return window.ended();
    }

    /** Why the stream closed, or null while it runs. */
    public String closeReason() {
        return closeReason;
    }

    public HlsSettings settings() {
        return settings;
    }

    public HlsStats stats() {
        return new HlsStats(unitsReceived.get(), unitsMuxed.get(), unitsSkippedWaitingForKeyframe.get(),
                unsupportedAudioUnits.get(), audioUnitsDropped.get(), unitsMalformed.get(),
                timestampDiscontinuities.get(), window.segmentsPublished(),
                segmentsDiscarded.get(), bytesPublished.get());
    }

    private void ingestVideo(AccessUnit unit) {
        if (timeline == null) {
            if (!unit.keyframe()) {
                unitsSkippedWaitingForKeyframe.incrementAndGet();
                return;
            }
            timeline = new MonotonicTimeline(TIMELINE_ORIGIN, MAX_TIMESTAMP_STEP, DEFAULT_FRAME_TICKS);
        }
        long dts = timeline.mapVideoDts(unit.dts());
        timestampDiscontinuities.set(timeline.discontinuities());
        long pts = timeline.mapRelated(unit.pts());
        if (pts < dts) { // PTS before DTS or unplaceable: show it when it is decoded
            pts = dts;
        }
        boolean opening = false;
        if (unit.keyframe()) {
            boolean due = dts - segmentStartDts >= settings.targetTicks();
            if (segmentOpen && (due || unit.codec() != muxer.videoCodec())) {
                publishSegment(dts - segmentStartDts);
            }
            if (!segmentOpen) {
                openSegment(unit.codec(), dts);
                opening = true;
            }
        } else if (!segmentOpen) {
            unitsSkippedWaitingForKeyframe.incrementAndGet();
            return;
        }
        if (!mux(unit, pts, dts)) {
            if (opening) { // a segment must start with a decodable keyframe: wait for the next
                working.clear();
                segmentOpen = false;
                dropFirstSegmentVideo();
            }
            return;
        }
        if (firstSegmentVideo != null) {
            firstSegmentVideo.add(unit, pts, dts);
        }
        lastVideoDts = dts;
        if (working.readableBytes() > settings.maxSegmentBytes()) {
            working.clear();
            segmentOpen = false;
            segmentsDiscarded.incrementAndGet();
            dropFirstSegmentVideo();
        }
    }

    private void ingestAudio(AccessUnit unit) {
        if (unit.codec() != Codec.AAC) {
            unsupportedAudioUnits.incrementAndGet();
            return;
        }
        aacSeen = true;
        if (!segmentOpen) {
            unitsSkippedWaitingForKeyframe.incrementAndGet();
            return;
        }
        if (firstSegmentVideo != null) { // audio came during the first segment: give it the track from the start
            working.clear();
            muxer = new TsMuxer(muxer.videoCodec(), Codec.AAC);
            firstSegmentVideo.replay(muxer, working);
            dropFirstSegmentVideo();
        }
        long pts = timeline.mapRelated(unit.pts());
        if (muxer.audioCodec() == null || pts == MonotonicTimeline.UNPLACEABLE) {
            audioUnitsDropped.incrementAndGet();
            return;
        }
        mux(unit, pts, pts);
    }

    private boolean mux(AccessUnit unit, long pts, long dts) {
        if (muxer.write(unit, pts, dts, working)) {
            unitsMuxed.incrementAndGet();
            return true;
        }
        unitsMalformed.incrementAndGet();
        return false;
    }

    private void openSegment(Codec video, long startDts) {
        Codec audio = aacSeen ? Codec.AAC : null;
        if (muxer == null || muxer.videoCodec() != video || muxer.audioCodec() != audio) {
            muxer = new TsMuxer(video, audio);
        }
        if (working == null) {
            working = allocator.buffer(INITIAL_SEGMENT_CAPACITY);
        }
        segmentOpen = true;
        segmentStartDts = startDts;
        lastVideoDts = startDts;
        dropFirstSegmentVideo();
        if (audio == null && window.segmentsPublished() == 0) {
            firstSegmentVideo = new FirstSegmentVideo();
        }
    }

    private void dropFirstSegmentVideo() {
        if (firstSegmentVideo != null) {
            firstSegmentVideo.release();
            firstSegmentVideo = null;
        }
    }

    /** Copies the open segment out of the working buffer (one copy per segment) and publishes it. */
    private void publishSegment(long durationTicks) {
        byte[] bytes = new byte[working.readableBytes()];
        working.readBytes(bytes);
        working.clear();
        segmentOpen = false;
        dropFirstSegmentVideo();
        SegmentWindow current = window;
        HlsSegment segment = HlsSegment.of(current.segmentsPublished(), durationTicks / TICKS_PER_SECOND, bytes);
        window = current.with(segment, settings.windowSize());
        bytesPublished.addAndGet(bytes.length);
    }

    private boolean completeFirstSegmentIfPublished() {
        if (firstSegment.isDone()) {
            return !firstSegment.isCompletedExceptionally();
        }
        if (window.segmentsPublished() > 0) {
            firstSegment.complete(null);
            return true;
        }
        return false;
    }

    private static double roundToMillis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
