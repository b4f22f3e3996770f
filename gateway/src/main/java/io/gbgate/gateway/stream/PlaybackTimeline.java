package io.gbgate.gateway.stream;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.hub.StreamSink;
import java.util.Objects;

/**
 * Rewrites the timestamps of a replayed stream for its playback speed before they reach a sink (HLS): at
 * speed {@code s}, output time advances {@code 1/s} as fast as media time, so players really play faster or
 * slower. Speed changes and seeks keep the output continuous: the mapping is re-anchored where the change
 * happens. At speed 1 without any change units pass unchanged (no copy). Audio cannot be sped up without
 * resampling, so it is dropped (and counted) while the speed is not 1.
 *
 * <p>Thread-safe: units arrive on the ingest thread, changes from API threads.
 */
public final class PlaybackTimeline implements StreamSink {
    private static final long DEFAULT_FRAME_TICKS = 3_600;

    private final StreamSink downstream;
    private final Object lock = new Object();
    // guarded by lock
    private double scale = 1;
    private long inAnchor;
    private long outAnchor;
    private boolean seen;
    private boolean reanchor;
    private long lastInDts;
    private long lastOutDts;
    private long lastOutStep = DEFAULT_FRAME_TICKS;
    private long audioDropped;

    public PlaybackTimeline(StreamSink downstream) {
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /**
     * Plays on at {@code newScale} times real time from the last unit seen.
     *
     * @throws IllegalArgumentException unless a finite positive number
     */
    public void scale(double newScale) {
        if (!Double.isFinite(newScale) || newScale <= 0) {
            throw new IllegalArgumentException("speed must be a positive number, got " + newScale);
        }
        synchronized (lock) {
            if (seen) {
                outAnchor = map(lastInDts);
                inAnchor = lastInDts;
            }
            scale = newScale;
        }
    }

    /** The media timestamps jump (seek): the next unit follows the last output unit directly. */
    public void discontinuity() {
        synchronized (lock) {
            reanchor = seen;
        }
    }

    public double currentScale() {
        synchronized (lock) {
            return scale;
        }
    }

    public long audioDropped() {
        synchronized (lock) {
            return audioDropped;
        }
    }

    @Override
    public void onAccessUnit(AccessUnit unit) {
        AccessUnit out;
        synchronized (lock) {
            if (!unit.codec().isVideo() && scale != 1) {
                audioDropped++;
                return;
            }
            if (reanchor && unit.codec().isVideo()) {
                inAnchor = unit.dts();
                outAnchor = lastOutDts + lastOutStep;
                reanchor = false;
            }
            long dts = map(unit.dts());
            long pts = map(unit.pts());
            if (unit.codec().isVideo()) {
                if (seen && dts > lastOutDts) {
                    lastOutStep = dts - lastOutDts;
                }
                seen = true;
                lastInDts = unit.dts();
                lastOutDts = dts;
            }
            out = dts == unit.dts() && pts == unit.pts() ? unit
                    : new AccessUnit(unit.codec(), pts, dts, unit.keyframe(), unit.data());
        }
        downstream.onAccessUnit(out); // same buffer: the downstream retains it if it keeps it
    }

    @Override
    public void onStreamClosed(String reason) {
        downstream.onStreamClosed(reason);
    }

    private long map(long in) {
        return outAnchor + Math.round((in - inAnchor) / scale);
    }
}
