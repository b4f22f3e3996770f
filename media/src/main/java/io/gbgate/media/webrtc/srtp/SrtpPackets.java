package io.gbgate.media.webrtc.srtp;

import io.netty.buffer.ByteBuf;

/** Header arithmetic shared by the SRTP transforms. */
final class SrtpPackets {
    private static final int RTP_FIXED_HEADER = 12;

    private SrtpPackets() {
    }

    /**
     * Length of the RTP header (fixed part, CSRCs, extension) of the packet in {@code packet}'s
     * readable bytes, or -1 when it is not version 2 or does not fit.
     */
    static int rtpHeaderLength(ByteBuf packet) {
        int start = packet.readerIndex();
        int available = packet.readableBytes();
        if (available < RTP_FIXED_HEADER) {
            return -1;
        }
        int b0 = packet.getUnsignedByte(start);
        if (b0 >>> 6 != 2) {
            return -1;
        }
        int length = RTP_FIXED_HEADER + 4 * (b0 & 0x0F);
        if ((b0 & 0x10) != 0) {
            if (available < length + 4) {
                return -1;
            }
            length += 4 + 4 * packet.getUnsignedShort(start + length + 2);
        }
        return length <= available ? length : -1;
    }
}
