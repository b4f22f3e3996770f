package io.gbgate.media.hls;

/**
 * Maps camera timestamps (90 kHz, 33-bit, possibly wrapping, jumping or going backwards) onto
 * a strictly increasing output timeline that starts at a fixed origin.
 *
 * <p>The video DTS drives the timeline: a step that is positive and at most {@code maxStep}
 * ticks is kept as it is (also across the 2^33 wrap); any other step (backwards, zero, or a
 * jump) is a discontinuity and is replaced by the last good frame interval, so durations
 * derived from the output are never negative. Other timestamps (PTS, audio) are placed
 * relative to the last video DTS. Not thread-safe.
 */
final class OutputTimeline {
    static final long WRAP = 1L << 33;
    private static final long MASK = WRAP - 1;
    private static final long HALF = WRAP >>> 1;

    private final long maxStep;
    private long frameTicks;
    private long lastRaw;
    private long lastOut;
    private boolean started;
    private long discontinuities;

    /**
     * @param origin output timestamp of the first video DTS
     * @param maxStep largest forward step taken as it is
     * @param defaultFrameTicks interval assumed until one has been measured
     */
    OutputTimeline(long origin, long maxStep, long defaultFrameTicks) {
        if (maxStep <= 0 || defaultFrameTicks <= 0 || defaultFrameTicks > maxStep) {
            throw new IllegalArgumentException("bad timeline steps: " + maxStep + ", " + defaultFrameTicks);
        }
        this.lastOut = origin;
        this.maxStep = maxStep;
        this.frameTicks = defaultFrameTicks;
    }

    /** Maps the next video DTS; the result is greater than the previous one. */
    long mapVideoDts(long rawDts) {
        if (!started) {
            started = true;
            lastRaw = rawDts;
            return lastOut;
        }
        long step = signedDelta(rawDts, lastRaw);
        if (step <= 0 || step > maxStep) {
            discontinuities++;
            step = frameTicks;
        } else {
            frameTicks = step;
        }
        lastRaw = rawDts;
        lastOut += step;
        return lastOut;
    }

    /**
     * Maps a timestamp of the same clock as the last video DTS (a PTS, an audio timestamp).
     * Returns the output timestamp, or {@code Long.MIN_VALUE} when it lies more than
     * {@code maxStep} away from the last video DTS (a timestamp that cannot be placed).
     */
    long mapRelated(long raw) {
        long delta = signedDelta(raw, lastRaw);
        return Math.abs(delta) > maxStep ? Long.MIN_VALUE : lastOut + delta;
    }

    /** The last measured (or default) video frame interval. */
    long frameTicks() {
        return frameTicks;
    }

    long discontinuities() {
        return discontinuities;
    }

    /** {@code a - b} modulo 2^33, as a value in [-2^32, 2^32). */
    static long signedDelta(long a, long b) {
        long d = (a - b) & MASK;
        return d >= HALF ? d - WRAP : d;
    }
}
