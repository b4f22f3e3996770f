package io.gbgate.storage.recording;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.hub.StreamSink;
import io.gbgate.media.ts.TsMuxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Records one channel's live stream as MPEG-TS segments. Create it with {@link SegmentWriter#newRecorder} and add
 * it to the channel's {@link io.gbgate.media.hub.StreamHub}.
 *
 * <p>Recording starts at the first video keyframe. A segment is cut at the first keyframe once it lasts at least
 * the configured duration, so every segment starts with PAT/PMT and a keyframe. The first keyframe's arrival on the
 * wall clock anchors the segment times; later times follow the media timestamps. When the two drift apart by more
 * than the tolerance (wall clock jump, camera stalled and resumed) or the timestamps jump, the segment ends there
 * and the next one is anchored anew, which leaves a hole in the index rather than a wrong time.
 *
 * <p>{@link #onAccessUnit} runs on the media event loop and never touches the disk: a completed segment's buffer
 * goes to the writer's bounded queue (dropped and counted when full). H.264/H.265 and AAC are recorded; G.711 and
 * other codecs are counted and skipped (MPEG-TS segments carry AAC only).
 */
public final class SegmentRecorder implements StreamSink, AutoCloseable {

    private static final int MIN_BUFFER = 64 * 1024;

    private final String channelId;
    private final RecorderSettings settings;
    private final ByteBufAllocator allocator;
    private final Clock clock;
    private final Predicate<CompletedSegment> writer;

    private final Object lock = new Object();
    // guarded by lock
    private final MediaTimeline timeline = new MediaTimeline();
    private TsMuxer muxer;
    private ByteBuf working;
    private int bufferHint = MIN_BUFFER;
    private boolean segmentOpen;
    private long segmentStart;
    private long lastVideo;
    private long anchorWallMillis;
    private long anchorMedia;
    private boolean aacSeen;
    private boolean closed;
    private long unitsReceived;
    private long unitsRecorded;
    private long unitsWaitingForKeyframe;
    private long unitsUnsupported;
    private long timelineBreaks;
    private long clockResyncs;
    private long segmentsCompleted;
    private long segmentsDropped;

    SegmentRecorder(String channelId, RecorderSettings settings, ByteBufAllocator allocator, Clock clock,
                    Predicate<CompletedSegment> writer) {
        this.channelId = ChannelIds.require(channelId);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    public String channelId() {
        return channelId;
    }

    @Override
    public void onAccessUnit(AccessUnit unit) {
        synchronized (lock) {
            unitsReceived++;
            if (closed) {
                return;
            }
            if (unit.codec().isVideo()) {
                recordVideo(unit);
            } else {
                recordAudio(unit);
            }
        }
    }

    /** Completes the open segment and frees the working buffer; later units are ignored. */
    @Override
    public void onStreamClosed(String reason) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            finishSegment(lastVideo + timeline.frameTicks());
            if (working != null) {
                working.release();
                working = null;
            }
        }
    }

    @Override
    public void close() {
        onStreamClosed("recorder closed");
    }

    public RecorderStats stats() {
        synchronized (lock) {
            return new RecorderStats(unitsReceived, unitsRecorded, unitsWaitingForKeyframe, unitsUnsupported,
                    timelineBreaks, clockResyncs, segmentsCompleted, segmentsDropped);
        }
    }

    private void recordVideo(AccessUnit unit) {
        long now = clock.millis();
        long dts = timeline.running() ? timeline.next(unit.dts()) : MediaTimeline.BREAK;
        if (dts == MediaTimeline.BREAK) {
            if (timeline.running()) {
                timelineBreaks++;
                finishSegment(lastVideo + timeline.frameTicks());
                timeline.stop();
            }
            if (!unit.keyframe()) {
                unitsWaitingForKeyframe++;
                return;
            }
            dts = timeline.restart(unit.dts());
            anchor(now, dts);
        }
        boolean opening = false;
        if (unit.keyframe()) {
            boolean drifted = Math.abs(wallMillisAt(dts) - now) > settings.maxDriftMillis();
            if (segmentOpen && (drifted || dts - segmentStart >= settings.segmentTicks()
                    || unit.codec() != muxer.videoCodec())) {
                finishSegment(dts);
            }
            if (drifted) {
                clockResyncs++;
                anchor(now, dts);
            }
            if (!segmentOpen) {
                openSegment(unit.codec(), dts);
                opening = true;
            }
        } else if (!segmentOpen) {
            unitsWaitingForKeyframe++;
            return;
        }
        long pts = timeline.related(unit.pts());
        if (pts == MediaTimeline.BREAK || pts < dts) {
            pts = dts;
        }
        if (!muxer.write(unit, pts, dts, working)) {
            unitsUnsupported++;
            if (opening) { // a segment must start with a decodable keyframe
                working.clear();
                segmentOpen = false;
            }
            return;
        }
        unitsRecorded++;
        lastVideo = dts;
        if (working.readableBytes() > settings.maxSegmentBytes()) {
            working.clear();
            segmentOpen = false;
            segmentsDropped++;
        }
    }

    private void recordAudio(AccessUnit unit) {
        if (unit.codec() != Codec.AAC) {
            unitsUnsupported++;
            return;
        }
        aacSeen = true;
        if (!segmentOpen) {
            unitsWaitingForKeyframe++;
            return;
        }
        long pts = timeline.related(unit.pts());
        if (muxer.audioCodec() == null || pts == MediaTimeline.BREAK || !muxer.write(unit, pts, pts, working)) {
            unitsUnsupported++;
            return;
        }
        unitsRecorded++;
    }

    private void anchor(long wallMillis, long media) {
        anchorWallMillis = wallMillis;
        anchorMedia = media;
    }

    private long wallMillisAt(long media) {
        return anchorWallMillis + Math.floorDiv(media - anchorMedia, 90);
    }

    private void openSegment(Codec video, long startDts) {
        Codec audio = aacSeen ? Codec.AAC : null;
        if (muxer == null || muxer.videoCodec() != video || muxer.audioCodec() != audio) {
            muxer = new TsMuxer(video, audio);
        }
        if (working == null) {
            working = allocator.buffer(bufferHint);
        }
        segmentOpen = true;
        segmentStart = startDts;
        lastVideo = startDts;
    }

    /** Hands the open segment, ending at media time {@code end}, to the writer. */
    private void finishSegment(long end) {
        if (!segmentOpen) {
            return;
        }
        segmentOpen = false;
        long durationMs = (end - segmentStart) / 90;
        Instant startAt = Instant.ofEpochMilli(wallMillisAt(segmentStart));
        ByteBuf data = working;
        working = null;
        bufferHint = Math.max(MIN_BUFFER, data.readableBytes() + data.readableBytes() / 8);
        segmentsCompleted++;
        if (!writer.test(new CompletedSegment(channelId, startAt, durationMs, data))) {
            segmentsDropped++;
        }
    }
}
