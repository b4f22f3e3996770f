package io.gbgate.media.ps;

import io.gbgate.media.Codec;
import io.gbgate.media.codec.NalUnits;
import io.netty.buffer.ByteBuf;

/**
 * What the NAL units of one video access unit say about it, found by walking them up to and
 * including the first picture (VCL) NAL unit: parameter sets precede the picture in any valid
 * access unit, so the (large) slice data is never scanned.
 *
 * @param hasPicture a VCL NAL unit is present
 * @param randomAccess the first picture is H.264 IDR or H.265 IRAP
 * @param vps offset and length of the VPS as {@link #range}, or -1
 * @param sps offset and length of the SPS as {@link #range}, or -1
 * @param pps offset and length of the PPS as {@link #range}, or -1
 */
record AccessUnitScan(boolean hasPicture, boolean randomAccess, long vps, long sps, long pps) {
    static final long ABSENT = -1L;

    static int offset(long range) {
        return (int) (range >>> 32);
    }

    static int length(long range) {
        return (int) range;
    }

    boolean hasParameterSets(Codec codec) {
        return sps != ABSENT && pps != ABSENT && (codec != Codec.H265 || vps != ABSENT);
    }

    static AccessUnitScan of(Codec codec, ByteBuf au, StartCodeScanner startCodes) {
        int end = au.writerIndex();
        long vps = ABSENT;
        long sps = ABSENT;
        long pps = ABSENT;
        int startCode = startCodes.find(au, au.readerIndex(), end);
        while (startCode >= 0 && startCode + 3 < end) {
            int nalStart = startCode + 3;
            int header = au.getUnsignedByte(nalStart);
            int type = codec == Codec.H265 ? NalUnits.h265Type(header) : NalUnits.h264Type(header);
            if (codec == Codec.H265 ? NalUnits.isH265Vcl(type) : NalUnits.isH264Vcl(type)) {
                boolean irap = codec == Codec.H265 ? NalUnits.isH265Irap(type) : type == NalUnits.H264_IDR;
                return new AccessUnitScan(true, irap, vps, sps, pps);
            }
            int next = startCodes.find(au, nalStart, end);
            int nalEnd = next < 0 ? end : next;
            while (nalEnd > nalStart && au.getByte(nalEnd - 1) == 0) {
                nalEnd--; // leading zero of a 4-byte start code, or trailing_zero_8bits
            }
            long range = ((long) nalStart << 32) | (nalEnd - nalStart);
            if (codec == Codec.H265) {
                switch (type) {
                    case NalUnits.H265_VPS -> vps = range;
                    case NalUnits.H265_SPS -> sps = range;
                    case NalUnits.H265_PPS -> pps = range;
                    default -> { }
                }
            } else if (type == NalUnits.H264_SPS) {
                sps = range;
            } else if (type == NalUnits.H264_PPS) {
                pps = range;
            }
            startCode = next;
        }
        return new AccessUnitScan(false, false, vps, sps, pps);
    }
}
