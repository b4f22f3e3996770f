package io.gbgate.sip.mansrtsp;

/**
 * {@code PLAY RTSP/1.0}: resume ({@code Range: npt=now-}), seek ({@code Range: npt=<seconds>-}) and/or change the
 * speed ({@code Scale}). At least one of range and scale is normally present; both may be.
 *
 * @param cseq  sequence number
 * @param range where to play from, or null
 * @param scale playback speed factor (0.25, 0.5, 1, 2, 4, ...), or null
 */
public record MansrtspPlay(long cseq, NptRange range, Double scale) implements MansrtspRequest {

    /** The method name. */
    public static final String METHOD = "PLAY";

    public MansrtspPlay {
        MansrtspChecks.cseq(cseq);
        if (scale != null && (!Double.isFinite(scale) || scale <= 0)) {
            throw new IllegalArgumentException("Scale must be a positive number, got " + scale);
        }
    }

    /** Resumes a paused playback at the current position. */
    public static MansrtspPlay resume(long cseq) {
        return new MansrtspPlay(cseq, NptRange.NOW, null);
    }

    /** Seeks to {@code seconds} from the start of the playback window. */
    public static MansrtspPlay seek(long cseq, double seconds) {
        return new MansrtspPlay(cseq, NptRange.from(seconds), null);
    }

    /** Changes the playback speed. */
    public static MansrtspPlay scale(long cseq, double scale) {
        return new MansrtspPlay(cseq, null, scale);
    }

    @Override
    public String method() {
        return METHOD;
    }
}
