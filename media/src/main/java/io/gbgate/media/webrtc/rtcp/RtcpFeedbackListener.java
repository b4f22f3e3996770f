package io.gbgate.media.webrtc.rtcp;

/** What a sender acts on in the receiver's RTCP. */
public interface RtcpFeedbackListener {

    /** PLI (RFC 4585 section 6.3.1) or FIR (RFC 5104 section 4.3.1) for {@code mediaSsrc}. */
    void onKeyframeRequest(long mediaSsrc);

    /** Generic NACK (RFC 4585 section 6.2.1): packet {@code sequence} of {@code mediaSsrc} was lost. */
    void onNack(long mediaSsrc, int sequence);
}
