package io.gbgate.gateway.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The replay side of a history stream: what it replays, whether it is paused, the speed and the timeline
 * that rewrites timestamps for that speed. A paused stream, and one that resumed a moment ago, is not ended
 * for RTP silence or for lack of viewers.
 */
public final class PlaybackState {
    private final HistorySession session;
    private final PlaybackTimeline timeline;
    private final AtomicLong cseq = new AtomicLong();
    private volatile boolean paused;
    private volatile long resumedAtNanos = Long.MIN_VALUE;
    private volatile double scale = 1;

    PlaybackState(HistorySession session, PlaybackTimeline timeline) {
        this.session = session;
        this.timeline = timeline;
    }

    public HistorySession session() {
        return session;
    }

    /** The next MANSRTSP CSeq of this session (1, 2, ...). */
    public long nextCseq() {
        return cseq.incrementAndGet();
    }

    public boolean paused() {
        return paused;
    }

    /** The device confirmed a pause. */
    public void markPaused() {
        paused = true;
    }

    /** The device confirmed a resume: media and viewers get a fresh timeout from {@code nowNanos}. */
    public void markResumed(long nowNanos) {
        resumedAtNanos = nowNanos;
        paused = false;
    }

    /** The device confirmed a seek: timestamps restart where the new position begins. */
    public void markSeeked(long nowNanos) {
        timeline.discontinuity();
        markResumed(nowNanos);
    }

    public double scale() {
        return scale;
    }

    /** The device confirmed a new speed: output timestamps advance {@code scale} times slower than media time. */
    public void markScale(double newScale) {
        timeline.scale(newScale);
        scale = newScale;
    }

    /** Whether the stream must stay up regardless of RTP silence and idle viewers (paused or just resumed). */
    boolean holdsOpen(long nowNanos, long graceNanos) {
        return paused || resumedAtNanos != Long.MIN_VALUE && nowNanos - resumedAtNanos < graceNanos;
    }

    /** Audio units dropped while the speed was not 1. */
    public long audioDropped() {
        return timeline.audioDropped();
    }
}
