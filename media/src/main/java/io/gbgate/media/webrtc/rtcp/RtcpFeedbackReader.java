package io.gbgate.media.webrtc.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * Walks a compound RTCP packet and reports the feedback a sender must act on: generic NACK
 * (RTPFB, FMT 1), PLI (PSFB, FMT 1) and FIR (PSFB, FMT 4). Other packet types (receiver reports,
 * SDES, transport-cc, REMB) are skipped. Allocation-free; never throws for malformed input.
 */
public final class RtcpFeedbackReader {
    public static final int PT_SENDER_REPORT = 200;
    public static final int PT_RECEIVER_REPORT = 201;
    public static final int PT_SDES = 202;
    public static final int PT_BYE = 203;
    public static final int PT_TRANSPORT_FEEDBACK = 205;
    public static final int PT_PAYLOAD_FEEDBACK = 206;

    private static final int FMT_NACK = 1;
    private static final int FMT_PLI = 1;
    private static final int FMT_FIR = 4;

    private RtcpFeedbackReader() {
    }

    /** True when the datagram's second byte is an RTCP packet type (RFC 5761 section 4). */
    public static boolean isRtcp(ByteBuf datagram) {
        if (datagram.readableBytes() < 8) {
            return false;
        }
        int type = datagram.getUnsignedByte(datagram.readerIndex() + 1);
        return type >= 192 && type <= 223;
    }

    /**
     * Reads the compound packet in {@code packet}'s readable bytes (indices untouched).
     *
     * @return false when the compound packet is malformed (what came before the fault was reported)
     */
    public static boolean read(ByteBuf packet, RtcpFeedbackListener listener) {
        int at = packet.readerIndex();
        int end = packet.writerIndex();
        while (at + 4 <= end) {
            int b0 = packet.getUnsignedByte(at);
            if (b0 >>> 6 != 2) {
                return false;
            }
            int format = b0 & 0x1F;
            int type = packet.getUnsignedByte(at + 1);
            int length = 4 * (packet.getUnsignedShort(at + 2) + 1);
            if (at + length > end) {
                return false;
            }
            if (type == PT_TRANSPORT_FEEDBACK && format == FMT_NACK && length >= 16) {
                long mediaSsrc = packet.getUnsignedInt(at + 8);
                for (int fci = at + 12; fci + 4 <= at + length; fci += 4) {
                    int pid = packet.getUnsignedShort(fci);
                    int lostBitmask = packet.getUnsignedShort(fci + 2);
                    listener.onNack(mediaSsrc, pid);
                    for (int bit = 0; bit < 16; bit++) {
                        if ((lostBitmask & (1 << bit)) != 0) {
                            listener.onNack(mediaSsrc, (pid + bit + 1) & 0xFFFF);
                        }
                    }
                }
            } else if (type == PT_PAYLOAD_FEEDBACK && format == FMT_PLI && length >= 12) {
                listener.onKeyframeRequest(packet.getUnsignedInt(at + 8));
            } else if (type == PT_PAYLOAD_FEEDBACK && format == FMT_FIR && length >= 20) {
                // FIR names the media source in its FCI entries; the header's media SSRC is 0
                for (int fci = at + 12; fci + 8 <= at + length; fci += 8) {
                    listener.onKeyframeRequest(packet.getUnsignedInt(fci));
                }
            }
            at += length;
        }
        return at == end;
    }
}
