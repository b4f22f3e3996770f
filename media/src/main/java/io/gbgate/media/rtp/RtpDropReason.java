package io.gbgate.media.rtp;

/**
 * Why a datagram (or an RFC 4571 frame) was not accepted as an RTP packet. Receivers count drops
 * per reason instead of throwing, so a hostile or broken sender costs a counter increment.
 */
public enum RtpDropReason {
    /** Fewer bytes than the 12-byte fixed header. */
    TOO_SHORT,
    /** Version field is not 2. */
    BAD_VERSION,
    /**
     * An RTCP packet multiplexed on the RTP port (second byte 200..206, RFC 5761). Ignored, and it
     * never binds a stream.
     */
    RTCP,
    /** The CSRC list runs past the end of the packet. */
    CSRC_OVERRUN,
    /** The header extension runs past the end of the packet. */
    EXTENSION_OVERRUN,
    /** The padding count is zero or larger than what is left after the headers. */
    BAD_PADDING,
    /** The datagram filled the whole receive buffer, so it was probably truncated by the socket. */
    TOO_LONG
}
