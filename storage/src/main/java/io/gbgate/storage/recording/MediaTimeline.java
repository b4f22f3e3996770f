package io.gbgate.storage.recording;

import io.gbgate.media.MonotonicTimeline;

/**
 * Maps a camera's 90 kHz timestamps (33-bit, wrapping, sometimes glitching) onto the strictly increasing timeline
 * written into the segments of one recorder, starting at {@link #ORIGIN}.
 *
 * <p>A forward step of at most {@link #MAX_STEP} is kept (also across the 2^33 wrap). A small glitch (zero step or
 * going back less than {@link #MAX_STEP}) is smoothed over with the last frame interval. A bigger jump is a break:
 * {@link #next} returns {@link #BREAK} without moving, and the recorder continues the timeline with {@link #restart}
 * at the next keyframe (unlike the players' {@link MonotonicTimeline}, which bridges jumps). Not thread-safe.
 */
final class MediaTimeline {
    /** Output timestamp of the very first unit (1.4 s, as FFmpeg does), so PCR = DTS - 100 ms stays positive. */
    static final long ORIGIN = 126_000;
    /** Largest forward step (10 s) taken as it is. */
    static final long MAX_STEP = 10 * 90_000L;
    /** Returned by {@link #next} for a timestamp that breaks the timeline. */
    static final long BREAK = Long.MIN_VALUE;

    private static final long DEFAULT_FRAME_TICKS = 3_600;

    private long frameTicks = DEFAULT_FRAME_TICKS;
    private long lastRaw;
    private long lastOut = ORIGIN - DEFAULT_FRAME_TICKS;
    private boolean running;
    private long glitches;

    boolean running() {
        return running;
    }

    /** Starts (or continues after a break) with {@code rawDts} one frame after the last output timestamp. */
    long restart(long rawDts) {
        lastOut += frameTicks;
        lastRaw = rawDts;
        running = true;
        return lastOut;
    }

    /** Stops mapping until the next {@link #restart}. */
    void stop() {
        running = false;
    }

    /** Maps the next video DTS, or returns {@link #BREAK}. */
    long next(long rawDts) {
        long step = MonotonicTimeline.signedDelta(rawDts, lastRaw);
        if (step > MAX_STEP || step < -MAX_STEP) {
            return BREAK;
        }
        if (step <= 0) {
            glitches++;
            step = frameTicks;
        } else {
            frameTicks = step;
        }
        lastRaw = rawDts;
        lastOut += step;
        return lastOut;
    }

    /** Maps a PTS or audio timestamp of the same clock, or returns {@link #BREAK} when it is too far away. */
    long related(long raw) {
        long delta = MonotonicTimeline.signedDelta(raw, lastRaw);
        return Math.abs(delta) > MAX_STEP ? BREAK : lastOut + delta;
    }

    long last() {
        return lastOut;
    }

    long frameTicks() {
        return frameTicks;
    }

    long glitches() {
        return glitches;
    }
}
