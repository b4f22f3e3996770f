package io.gbgate.sip.mansrtsp;

/** Header names and the protocol token of MANSRTSP bodies. */
final class MansrtspHeaders {

    static final String VERSION = "RTSP/1.0";
    static final String CSEQ = "CSeq";
    static final String RANGE = "Range";
    static final String SCALE = "Scale";
    static final String PAUSE_TIME = "PauseTime";
    static final String NOW = "now";
    static final String NPT = "npt";

    private MansrtspHeaders() {
    }
}
