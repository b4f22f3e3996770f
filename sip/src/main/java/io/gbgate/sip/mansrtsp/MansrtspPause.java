package io.gbgate.sip.mansrtsp;

/**
 * {@code PAUSE RTSP/1.0} with {@code PauseTime: now} (or a position in seconds).
 *
 * @param cseq             sequence number
 * @param pauseTimeSeconds where to pause in seconds, or null for {@code now}
 */
public record MansrtspPause(long cseq, Double pauseTimeSeconds) implements MansrtspRequest {

    /** The method name. */
    public static final String METHOD = "PAUSE";

    public MansrtspPause {
        MansrtspChecks.cseq(cseq);
        if (pauseTimeSeconds != null && (!Double.isFinite(pauseTimeSeconds) || pauseTimeSeconds < 0)) {
            throw new IllegalArgumentException("PauseTime must be now or seconds >= 0, got " + pauseTimeSeconds);
        }
    }

    /** Pauses at once ({@code PauseTime: now}). */
    public static MansrtspPause now(long cseq) {
        return new MansrtspPause(cseq, null);
    }

    @Override
    public String method() {
        return METHOD;
    }
}
