package io.gbgate.media.codec;

import io.netty.buffer.ByteBuf;

/** Annex B helpers for H.264 and H.265 streams: start codes and NAL unit types. */
public final class NalUnits {
    public static final int H264_SLICE = 1;
    public static final int H264_IDR = 5;
    public static final int H264_SEI = 6;
    public static final int H264_SPS = 7;
    public static final int H264_PPS = 8;
    public static final int H264_AUD = 9;

    public static final int H265_VPS = 32;
    public static final int H265_SPS = 33;
    public static final int H265_PPS = 34;
    public static final int H265_AUD = 35;

    private NalUnits() {
    }

    /**
     * Index of the first byte of the next 3-byte start code (00 00 01) at or after {@code from}
     * and before {@code to}, or -1. A 4-byte start code is found as its last three bytes.
     */
    public static int findStartCode(ByteBuf buf, int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            byte b2 = buf.getByte(i + 2);
            if (b2 > 1) {
                i += 2; // no start code can end at i+2 or earlier with a byte > 1 at i+2
                continue;
            }
            if (b2 == 1 && buf.getByte(i) == 0 && buf.getByte(i + 1) == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index just after a start code (00 00 01 or 00 00 00 01) at {@code from}, or {@code from}
     * itself when the bytes there are no start code, so that callers accept a NAL unit with or
     * without its Annex B prefix.
     */
    public static int skipStartCode(ByteBuf buf, int from, int to) {
        if (to - from >= 3 && buf.getByte(from) == 0 && buf.getByte(from + 1) == 0) {
            if (buf.getByte(from + 2) == 1) {
                return from + 3;
            }
            if (to - from >= 4 && buf.getByte(from + 2) == 0 && buf.getByte(from + 3) == 1) {
                return from + 4;
            }
        }
        return from;
    }

    public static int h264Type(int firstNalByte) {
        return firstNalByte & 0x1F;
    }

    public static int h265Type(int firstNalByte) {
        return (firstNalByte >> 1) & 0x3F;
    }

    /** H.265 IRAP pictures (BLA, IDR, CRA: types 16 to 21) start a decodable GOP. */
    public static boolean isH265Irap(int type) {
        return type >= 16 && type <= 21;
    }

    /** H.265 VCL NAL types are 0..31. */
    public static boolean isH265Vcl(int type) {
        return type < 32;
    }

    /** H.264 VCL NAL types are 1..5. */
    public static boolean isH264Vcl(int type) {
        return type >= 1 && type <= 5;
    }
}
