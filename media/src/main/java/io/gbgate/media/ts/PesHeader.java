package io.gbgate.media.ts;

/**
 * Encodes PES packet headers (ISO/IEC 13818-1 2.4.3.6) with PTS and optional DTS into a
 * caller-supplied array, so the muxer can reuse one small array for every access unit.
 */
final class PesHeader {
    /** Largest header this class writes: 6 fixed + 3 flags + 10 PTS/DTS bytes. */
    static final int MAX_SIZE = 19;
    static final int STREAM_ID_VIDEO = 0xE0;
    static final int STREAM_ID_AUDIO = 0xC0;
    static final long TIMESTAMP_MASK = (1L << 33) - 1;
    /** Largest PES_packet_length value; video PES use 0 (unbounded) instead. */
    static final int MAX_PACKET_LENGTH = 0xFFFF;

    private static final int PREFIX_PTS_ONLY = 0x2;
    private static final int PREFIX_PTS_WITH_DTS = 0x3;
    private static final int PREFIX_DTS = 0x1;

    private PesHeader() {
    }

    /** Header size for an access unit with ({@code withDts}) or without a DTS. */
    static int size(boolean withDts) {
        return 9 + (withDts ? 10 : 5);
    }

    /**
     * Writes a header into {@code dst} at 0 and returns its length.
     *
     * @param payloadSize bytes that follow the header, or -1 for an unbounded (video) PES
     * @param dts the DTS, written only when {@code withDts}
     */
    static int write(byte[] dst, int streamId, int payloadSize, long pts, boolean withDts, long dts) {
        int headerDataLength = withDts ? 10 : 5;
        int packetLength = payloadSize < 0 ? 0 : 3 + headerDataLength + payloadSize;
        if (packetLength > MAX_PACKET_LENGTH) {
            throw new IllegalArgumentException("PES payload too large for a bounded PES: " + payloadSize);
        }
        dst[0] = 0;
        dst[1] = 0;
        dst[2] = 1;
        dst[3] = (byte) streamId;
        dst[4] = (byte) (packetLength >>> 8);
        dst[5] = (byte) packetLength;
        dst[6] = (byte) 0x84; // '10', not scrambled, no priority, data_alignment_indicator 1
        dst[7] = (byte) (withDts ? 0xC0 : 0x80); // PTS_DTS_flags
        dst[8] = (byte) headerDataLength;
        writeTimestamp(dst, 9, withDts ? PREFIX_PTS_WITH_DTS : PREFIX_PTS_ONLY, pts);
        if (withDts) {
            writeTimestamp(dst, 14, PREFIX_DTS, dts);
        }
        return 9 + headerDataLength;
    }

    /** The 5-byte PTS/DTS field: 4-bit prefix, 33-bit timestamp split 3/15/15 with marker bits. */
    static void writeTimestamp(byte[] dst, int at, int prefix, long timestamp) {
        long ts = timestamp & TIMESTAMP_MASK;
        dst[at] = (byte) ((prefix << 4) | ((ts >>> 29) & 0x0E) | 1);
        dst[at + 1] = (byte) (ts >>> 22);
        dst[at + 2] = (byte) (((ts >>> 14) & 0xFE) | 1);
        dst[at + 3] = (byte) (ts >>> 7);
        dst[at + 4] = (byte) (((ts << 1) & 0xFE) | 1);
    }

    /** Decodes a 5-byte PTS/DTS field written by {@link #writeTimestamp}. */
    static long readTimestamp(byte[] src, int at) {
        return ((long) (src[at] & 0x0E) << 29)
                | ((long) (src[at + 1] & 0xFF) << 22)
                | ((long) (src[at + 2] & 0xFE) << 14)
                | ((long) (src[at + 3] & 0xFF) << 7)
                | ((src[at + 4] & 0xFE) >>> 1);
    }
}
