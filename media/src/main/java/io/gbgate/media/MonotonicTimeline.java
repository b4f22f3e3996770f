package io.gbgate.media;

/**
 * Rebases camera timestamps (90 kHz, 33 bits, possibly wrapping, jumping or going backwards)
 * onto an output timeline that starts at a fixed origin (0 unless given) with the first video DTS
 * and only moves forward; the HLS, fMP4 and FLV muxers each keep one.
 *
 * <p>The video DTS drives the timeline: a step that is positive and at most {@code maxStep} ticks
 * is kept (also across the 2^33 wrap); any other step is a discontinuity and is replaced by the
 * last good frame interval. Other timestamps of the same clock (PTS, audio) are placed relative to
 * the last video DTS. Not thread-safe.
 */
public final class MonotonicTimeline {
    /** Output timestamp returned by {@link #mapRelated} for a timestamp that cannot be placed. */
    public static final long UNPLACEABLE = Long.MIN_VALUE;
    private static final long WRAP = 1L << 33;
    private static final long MASK = WRAP - 1;
    private static final long HALF = WRAP >>> 1;

    private final long maxStep;
    private long frameTicks;
    private long lastRaw;
    private long lastOut;
    private boolean started;
    private long discontinuities;

    /**
     * A timeline starting at 0.
     *
     * @param maxStep largest forward DTS step taken as it is (e.g. 10 s = 900 000)
     * @param defaultFrameTicks frame interval assumed until one has been measured
     */
    public MonotonicTimeline(long maxStep, long defaultFrameTicks) {
        this(0, maxStep, defaultFrameTicks);
    }

    /**
     * @param origin output timestamp of the first video DTS
     * @param maxStep largest forward DTS step taken as it is
     * @param defaultFrameTicks frame interval assumed until one has been measured
     */
    public MonotonicTimeline(long origin, long maxStep, long defaultFrameTicks) {
        if (maxStep <= 0 || defaultFrameTicks <= 0 || defaultFrameTicks > maxStep) {
            throw new IllegalArgumentException("bad timeline steps: " + maxStep + ", " + defaultFrameTicks);
        }
        this.lastOut = origin;
        this.maxStep = maxStep;
        this.frameTicks = defaultFrameTicks;
    }

    public boolean started() {
        return started;
    }

    /** Maps the next video DTS: 0 for the first, then strictly increasing. */
    public long mapVideoDts(long rawDts) {
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
     * Maps a timestamp of the same clock as the last video DTS (a PTS, an audio timestamp); may be
     * negative right after the start. {@link #UNPLACEABLE} when it lies more than {@code maxStep}
     * away from the last video DTS or no video DTS has been mapped yet.
     */
    public long mapRelated(long raw) {
        if (!started) {
            return UNPLACEABLE;
        }
        long delta = signedDelta(raw, lastRaw);
        return Math.abs(delta) > maxStep ? UNPLACEABLE : lastOut + delta;
    }

    /** The last measured (or the default) video frame interval. */
    public long frameTicks() {
        return frameTicks;
    }

    public long discontinuities() {
        return discontinuities;
    }

    /** {@code a - b} modulo 2^33 (the PES timestamp width), as a value in [-2^32, 2^32). */
    public static long signedDelta(long a, long b) {
        long d = (a - b) & MASK;
        return d >= HALF ? d - WRAP : d;
    }
}
