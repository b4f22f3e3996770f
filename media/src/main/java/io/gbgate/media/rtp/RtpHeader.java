package io.gbgate.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * The parsed fixed header of one RTP packet (RFC 3550 section 5.1) and where its payload lies.
 *
 * <p>Parsing is transport-neutral: it works on the readable bytes of any {@link ByteBuf} holding
 * exactly one packet (a UDP datagram or an RFC 4571 frame). {@code payloadOffset} is an absolute
 * index into that buffer, after the CSRC list and the header extension; {@code payloadLength}
 * excludes padding. Parsing never throws for bad input and never changes the buffer's indices.
 *
 * @param payloadType   7-bit payload type
 * @param marker        marker bit (for video: last packet of a frame)
 * @param sequence      16-bit sequence number, 0..65535
 * @param timestamp     32-bit RTP timestamp, unsigned
 * @param ssrc          32-bit synchronisation source, unsigned
 * @param payloadOffset absolute buffer index of the first payload byte
 * @param payloadLength payload bytes, padding excluded (may be 0)
 */
public record RtpHeader(int payloadType, boolean marker, int sequence, long timestamp, long ssrc,
                        int payloadOffset, int payloadLength) {

    /** Size of the fixed RTP header without CSRCs or extension. */
    public static final int FIXED_HEADER_SIZE = 12;
    /** RTP version carried in the two top bits of the first byte. */
    public static final int VERSION = 2;

    private static final int FIRST_RTCP_TYPE = 200;
    private static final int LAST_RTCP_TYPE = 206;

    /**
     * Parses the packet in {@code packet}'s readable bytes.
     *
     * @return the header, or {@code null} when the packet is not valid RTP; {@link #check} then
     *     tells why
     */
    public static RtpHeader parse(ByteBuf packet) {
        if (check(packet) != null) {
            return null;
        }
        int start = packet.readerIndex();
        int b0 = packet.getUnsignedByte(start);
        int b1 = packet.getUnsignedByte(start + 1);
        int offset = start + FIXED_HEADER_SIZE + 4 * (b0 & 0x0F);
        if ((b0 & 0x10) != 0) {
            offset += 4 + 4 * packet.getUnsignedShort(offset + 2);
        }
        int end = packet.writerIndex();
        if ((b0 & 0x20) != 0) {
            end -= packet.getUnsignedByte(end - 1);
        }
        return new RtpHeader(b1 & 0x7F, (b1 & 0x80) != 0,
                packet.getUnsignedShort(start + 2),
                packet.getUnsignedInt(start + 4),
                packet.getUnsignedInt(start + 8),
                offset, end - offset);
    }

    /**
     * Validates the packet in {@code packet}'s readable bytes without allocating.
     *
     * @return {@code null} when it is a valid RTP packet, otherwise why it is not
     */
    public static RtpDropReason check(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        if (length < 2) {
            return RtpDropReason.TOO_SHORT;
        }
        int b0 = packet.getUnsignedByte(start);
        if (b0 >>> 6 != VERSION) {
            return RtpDropReason.BAD_VERSION;
        }
        int b1 = packet.getUnsignedByte(start + 1);
        if (b1 >= FIRST_RTCP_TYPE && b1 <= LAST_RTCP_TYPE) {
            return RtpDropReason.RTCP;
        }
        if (length < FIXED_HEADER_SIZE) {
            return RtpDropReason.TOO_SHORT;
        }
        int headerEnd = FIXED_HEADER_SIZE + 4 * (b0 & 0x0F);
        if (headerEnd > length) {
            return RtpDropReason.CSRC_OVERRUN;
        }
        if ((b0 & 0x10) != 0) {
            if (headerEnd + 4 > length) {
                return RtpDropReason.EXTENSION_OVERRUN;
            }
            headerEnd += 4 + 4 * packet.getUnsignedShort(start + headerEnd + 2);
            if (headerEnd > length) {
                return RtpDropReason.EXTENSION_OVERRUN;
            }
        }
        if ((b0 & 0x20) != 0) {
            int padding = length > headerEnd ? packet.getUnsignedByte(start + length - 1) : 0;
            if (padding == 0 || padding > length - headerEnd) {
                return RtpDropReason.BAD_PADDING;
            }
        }
        return null;
    }

    /** True when {@code packet} looks like RTCP (RFC 5761 demultiplexing on the second byte). */
    public static boolean isRtcp(ByteBuf packet) {
        return check(packet) == RtpDropReason.RTCP;
    }
}
