package io.gbgate.media.ps;

import io.netty.buffer.ByteBuf;

/**
 * The fixed part of an MPEG-2 PES packet header as far as demuxing needs it.
 *
 * @param packetLength PES_packet_length: bytes after the length field
 * @param headerLength bytes from the start code to the first payload byte (9 + PES_header_data_length)
 * @param pts presentation time stamp (33 bits) or {@link #NO_TIMESTAMP}
 * @param dts decoding time stamp (33 bits) or {@link #NO_TIMESTAMP}
 */
record PesHeader(int packetLength, int headerLength, long pts, long dts) {
    static final long NO_TIMESTAMP = -1L;
    /** Start code, stream id, length, two flag bytes and PES_header_data_length. */
    static final int FIXED_HEADER_BYTES = 9;

    /** Bytes from the packet start to the end of the packet. */
    int totalLength() {
        return 6 + packetLength;
    }

    /**
     * Parses the PES header at {@code start}; the caller guarantees that {@link #FIXED_HEADER_BYTES}
     * bytes and then the whole PES_header_data are readable (see {@link #requiredBytes}). Returns
     * null when the header is not MPEG-2 PES syntax or does not fit into the declared packet length.
     */
    static PesHeader parse(ByteBuf buf, int start) {
        int packetLength = buf.getUnsignedShort(start + 4);
        int flags1 = buf.getUnsignedByte(start + 6);
        int flags2 = buf.getUnsignedByte(start + 7);
        int dataLength = buf.getUnsignedByte(start + 8);
        if ((flags1 & 0xC0) != 0x80 || 3 + dataLength > packetLength) {
            return null;
        }
        int ptsDtsFlags = flags2 >> 6;
        long pts = NO_TIMESTAMP;
        long dts = NO_TIMESTAMP;
        if (ptsDtsFlags >= 2 && dataLength >= 5) {
            pts = readTimestamp(buf, start + 9);
            if (ptsDtsFlags == 3 && dataLength >= 10) {
                dts = readTimestamp(buf, start + 14);
            }
        }
        return new PesHeader(packetLength, FIXED_HEADER_BYTES + dataLength, pts, dts);
    }

    /** Bytes needed before {@link #parse} may be called, given at least 9 readable bytes. */
    static int requiredBytes(ByteBuf buf, int start) {
        return FIXED_HEADER_BYTES + buf.getUnsignedByte(start + 8);
    }

    /** Reads a 5-byte PTS/DTS field ('xxxx' marker nibble, 33 bits interleaved with marker bits). */
    static long readTimestamp(ByteBuf buf, int index) {
        long high = (buf.getUnsignedByte(index) >> 1) & 0x07;
        long middle = (buf.getUnsignedShort(index + 1) >> 1) & 0x7FFF;
        long low = (buf.getUnsignedShort(index + 3) >> 1) & 0x7FFF;
        return (high << 30) | (middle << 15) | low;
    }
}
