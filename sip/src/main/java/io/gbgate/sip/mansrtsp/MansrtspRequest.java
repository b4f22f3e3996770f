package io.gbgate.sip.mansrtsp;

/**
 * A MANSRTSP playback control carried in a SIP INFO body ({@code Application/MANSRTSP}) within a playback
 * session: {@link MansrtspPlay}, {@link MansrtspPause} or {@link MansrtspTeardown}. Parse and format with
 * {@link MansrtspCodec}.
 */
public sealed interface MansrtspRequest permits MansrtspPlay, MansrtspPause, MansrtspTeardown {

    /** The {@code CSeq} header: the control's sequence number within the session. */
    long cseq();

    /** The request method, e.g. {@code PLAY}. */
    String method();
}
