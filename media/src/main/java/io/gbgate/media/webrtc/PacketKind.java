package io.gbgate.media.webrtc;

import io.gbgate.media.webrtc.rtcp.RtcpFeedbackReader;
import io.netty.buffer.ByteBuf;

/** What a packet on a WebRTC transport is, by its first byte (RFC 7983 section 7). */
enum PacketKind {
    STUN, DTLS, RTCP, OTHER;

    /** Classifies {@code packet}'s readable bytes without consuming them. */
    static PacketKind of(ByteBuf packet) {
        if (!packet.isReadable()) {
            return OTHER;
        }
        int first = packet.getUnsignedByte(packet.readerIndex());
        if (first <= 3) {
            return STUN;
        }
        if (first >= 20 && first <= 63) {
            return DTLS;
        }
        if (first >= 128 && first <= 191 && RtcpFeedbackReader.isRtcp(packet)) {
            return RTCP;
        }
        return OTHER;
    }
}
