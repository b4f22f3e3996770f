package io.gbgate.sip.mansrtsp;

/**
 * {@code TEARDOWN RTSP/1.0}: stop the playback (some platforms send it before the SIP BYE).
 *
 * @param cseq sequence number
 */
public record MansrtspTeardown(long cseq) implements MansrtspRequest {

    /** The method name. */
    public static final String METHOD = "TEARDOWN";

    public MansrtspTeardown {
        MansrtspChecks.cseq(cseq);
    }

    @Override
    public String method() {
        return METHOD;
    }
}
