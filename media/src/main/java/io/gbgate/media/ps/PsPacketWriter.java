package io.gbgate.media.ps;

import io.netty.buffer.ByteBuf;

/** Writes the program stream headers of {@link PsMuxer}: pack header, system header, PSM and PES header. */
final class PsPacketWriter {
    static final int PACK_HEADER_BYTES = 14;
    static final int PES_FIXED_HEADER_BYTES = 9;
    private static final long TIMESTAMP_MASK = (1L << 33) - 1;
    private static final int START_CODE_PREFIX = 0x000001;
    /** P-STD buffer size bound for video: 400 units of 1024 bytes. */
    private static final int VIDEO_BUFFER_BOUND_KIB = 400;
    /** P-STD buffer size bound for audio: 32 units of 128 bytes. */
    private static final int AUDIO_BUFFER_BOUND_128 = 32;

    private PsPacketWriter() {
    }

    /** MPEG-2 pack header without stuffing; {@code muxRate} in units of 50 bytes/s. */
    static void writePackHeader(ByteBuf out, long scr, int muxRate) {
        long base = scr & TIMESTAMP_MASK;
        out.writeInt(START_CODE_PREFIX << 8 | PsStreamIds.PACK_HEADER);
        out.writeByte(0x44 | (int) ((base >> 27) & 0x38) | (int) ((base >> 28) & 0x03));
        out.writeByte((int) (base >> 20));
        out.writeByte((int) ((base >> 12) & 0xF8) | 0x04 | (int) ((base >> 13) & 0x03));
        out.writeByte((int) (base >> 5));
        out.writeByte((int) ((base & 0x1F) << 3) | 0x04); // SCR extension 0
        out.writeByte(0x01);
        out.writeMedium(muxRate << 2 | 0x03);
        out.writeByte(0xF8); // reserved, pack_stuffing_length 0
    }

    /** System header announcing one video stream (0xE0) and optionally one audio stream (0xC0). */
    static void writeSystemHeader(ByteBuf out, int rateBound, boolean withAudio) {
        int streams = withAudio ? 2 : 1;
        out.writeInt(START_CODE_PREFIX << 8 | PsStreamIds.SYSTEM_HEADER);
        out.writeShort(6 + 3 * streams);
        out.writeMedium(0x800001 | rateBound << 1);
        out.writeByte((withAudio ? 1 : 0) << 2); // audio_bound, fixed_flag 0, CSPS_flag 0
        out.writeByte(0xE1); // audio lock, video lock, marker, video_bound 1
        out.writeByte(0x7F); // packet_rate_restriction 0, reserved
        out.writeByte(PsStreamIds.VIDEO);
        out.writeShort(0xC000 | 1 << 13 | VIDEO_BUFFER_BOUND_KIB);
        if (withAudio) {
            out.writeByte(PsStreamIds.AUDIO);
            out.writeShort(0xC000 | AUDIO_BUFFER_BOUND_128);
        }
    }

    /** Program stream map with no descriptors; {@code audioStreamType} &lt; 0 means no audio. */
    static void writeProgramStreamMap(ByteBuf out, int videoStreamType, int audioStreamType) {
        int start = out.writerIndex();
        int entries = audioStreamType < 0 ? 1 : 2;
        out.writeInt(START_CODE_PREFIX << 8 | PsStreamIds.PROGRAM_STREAM_MAP);
        out.writeShort(2 + 2 + 2 + 4 * entries + 4);
        out.writeByte(0xE0); // current_next_indicator 1, reserved, version 0
        out.writeByte(0xFF); // reserved, marker
        out.writeShort(0); // program_stream_info_length
        out.writeShort(4 * entries);
        out.writeByte(videoStreamType).writeByte(PsStreamIds.VIDEO).writeShort(0);
        if (audioStreamType >= 0) {
            out.writeByte(audioStreamType).writeByte(PsStreamIds.AUDIO).writeShort(0);
        }
        out.writeInt(MpegCrc32.compute(out, start, out.writerIndex() - start));
    }

    /** Header length (fixed part plus PTS/DTS fields) for a PES with the given timestamps. */
    static int pesHeaderBytes(boolean withPts, boolean withDts) {
        return PES_FIXED_HEADER_BYTES + (withPts ? 5 : 0) + (withDts ? 5 : 0);
    }

    /**
     * PES header for {@code payloadLength} bytes of payload; pass {@link PesHeader#NO_TIMESTAMP}
     * to leave PTS or DTS out (DTS only goes with a PTS).
     */
    static void writePesHeader(ByteBuf out, int streamId, int payloadLength, long pts, long dts) {
        boolean withPts = pts != PesHeader.NO_TIMESTAMP;
        boolean withDts = withPts && dts != PesHeader.NO_TIMESTAMP;
        int dataLength = pesHeaderBytes(withPts, withDts) - PES_FIXED_HEADER_BYTES;
        out.writeInt(START_CODE_PREFIX << 8 | streamId);
        out.writeShort(3 + dataLength + payloadLength);
        out.writeByte(withPts ? 0x84 : 0x80); // '10', data_alignment_indicator on the first PES of a unit
        out.writeByte(withDts ? 0xC0 : withPts ? 0x80 : 0x00);
        out.writeByte(dataLength);
        if (withPts) {
            writeTimestamp(out, withDts ? 0x3 : 0x2, pts);
        }
        if (withDts) {
            writeTimestamp(out, 0x1, dts);
        }
    }

    private static void writeTimestamp(ByteBuf out, int prefix, long timestamp) {
        long ts = timestamp & TIMESTAMP_MASK;
        out.writeByte(prefix << 4 | (int) ((ts >> 29) & 0x0E) | 0x01);
        out.writeShort((int) ((ts >> 14) & 0xFFFE) | 0x01);
        out.writeShort((int) ((ts << 1) & 0xFFFE) | 0x01);
    }
}
