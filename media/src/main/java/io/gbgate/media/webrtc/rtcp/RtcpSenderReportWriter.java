package io.gbgate.media.webrtc.rtcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * Writes a compound RTCP packet of a sender report without report blocks followed by an SDES
 * with the CNAME (RFC 3550 sections 6.4.1 and 6.5), ready for SRTCP protection.
 */
public final class RtcpSenderReportWriter {
    /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
    private static final long NTP_UNIX_OFFSET_SECONDS = 2_208_988_800L;
    private static final int SDES_CNAME = 1;

    private RtcpSenderReportWriter() {
    }

    /**
     * @param ssrc          the sender's SSRC
     * @param unixMillis    wall clock time of the report
     * @param rtpTimestamp  RTP timestamp corresponding to that wall clock time
     * @param packetCount   packets sent so far
     * @param octetCount    payload octets sent so far
     * @param cname         canonical name (ASCII, at most 255 bytes)
     */
    public static ByteBuf write(ByteBufAllocator allocator, long ssrc, long unixMillis, long rtpTimestamp,
                                long packetCount, long octetCount, String cname) {
        byte[] name = cname.getBytes(StandardCharsets.US_ASCII);
        if (name.length > 255) {
            throw new IllegalArgumentException("CNAME longer than 255 bytes");
        }
        int sdesChunk = 4 + 2 + name.length + 1; // SSRC, item header, name, end-of-list
        int sdesPadded = (sdesChunk + 3) & ~3;
        ByteBuf out = allocator.buffer(28 + 4 + sdesPadded + 32); // room for the SRTCP trailer
        out.writeByte(0x80).writeByte(RtcpFeedbackReader.PT_SENDER_REPORT).writeShort(6);
        out.writeInt((int) ssrc);
        long seconds = unixMillis / 1000 + NTP_UNIX_OFFSET_SECONDS;
        long fraction = ((unixMillis % 1000) << 32) / 1000;
        out.writeInt((int) seconds).writeInt((int) fraction);
        out.writeInt((int) rtpTimestamp).writeInt((int) packetCount).writeInt((int) octetCount);
        out.writeByte(0x81).writeByte(RtcpFeedbackReader.PT_SDES).writeShort(sdesPadded / 4);
        out.writeInt((int) ssrc);
        out.writeByte(SDES_CNAME).writeByte(name.length).writeBytes(name);
        out.writeZero(sdesPadded - sdesChunk + 1);
        return out;
    }
}
