package io.gbgate.gateway.stream;

/** The stages a live play goes through, in order. A failed play names the last one reached. */
public enum PlayStage {
    /** The INVITE left the gateway. */
    INVITE_SENT,
    /** The device answered 200 OK with its SDP. */
    ANSWERED,
    /** ACK was sent: the device should now stream. */
    ACK_SENT,
    /** The first RTP packet for this stream arrived. */
    FIRST_RTP,
    /** The first decodable keyframe came out of the PS demuxer. */
    FIRST_KEYFRAME,
    /** The stream is live and its outputs are ready. */
    READY
}
