package io.gbgate.sip.mansrtsp;

/**
 * The {@code Range: npt=<start>-[<end>]} of a PLAY: where to continue playing, in seconds from the start of the
 * playback window, or {@code now} to resume where playback paused.
 *
 * @param startSeconds start offset in seconds, or null for {@code now}
 * @param endSeconds   end offset in seconds, or null for open-ended (the usual case)
 */
public record NptRange(Double startSeconds, Double endSeconds) {

    /** {@code npt=now-}: resume at the current position. */
    public static final NptRange NOW = new NptRange(null, null);

    public NptRange {
        checkOffset("start", startSeconds);
        checkOffset("end", endSeconds);
        if (startSeconds != null && endSeconds != null && endSeconds < startSeconds) {
            throw new IllegalArgumentException("npt end " + endSeconds + " is before start " + startSeconds);
        }
    }

    /** {@code npt=<seconds>-}: seek to {@code seconds} and play on. */
    public static NptRange from(double seconds) {
        return new NptRange(seconds, null);
    }

    /** Whether this is {@code npt=now-}. */
    public boolean isNow() {
        return startSeconds == null;
    }

    private static void checkOffset(String which, Double seconds) {
        if (seconds != null && (!Double.isFinite(seconds) || seconds < 0)) {
            throw new IllegalArgumentException("npt " + which + " must be a finite number >= 0, got " + seconds);
        }
    }
}
