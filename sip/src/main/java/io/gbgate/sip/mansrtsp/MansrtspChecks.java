package io.gbgate.sip.mansrtsp;

/** Validation shared by the request records. */
final class MansrtspChecks {

    /** Largest CSeq accepted (RTSP CSeq is a 32-bit unsigned number in practice). */
    static final long MAX_CSEQ = 0xFFFF_FFFFL;

    private MansrtspChecks() {
    }

    static void cseq(long cseq) {
        if (cseq < 0 || cseq > MAX_CSEQ) {
            throw new IllegalArgumentException("CSeq must be 0.." + MAX_CSEQ + ", got " + cseq);
        }
    }
}
