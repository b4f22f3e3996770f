package io.gbgate.media.ps;

import io.gbgate.media.Codec;
import io.gbgate.media.codec.NalUnits;
import io.netty.buffer.ByteBuf;

/**
 * Tells H.264 from H.265 by the NAL unit headers of an Annex B payload, for streams whose PSM is
 * missing or wrong.
 *
 * <p>Each NAL header is judged against the rules of both standards: forbidden_zero_bit, the
 * assigned NAL unit types, H.264's nal_ref_idc constraints (parameter sets and IDR need it set,
 * SEI/AUD need it clear) and, for H.265, nuh_layer_id 0 and a non-zero temporal id. A header that
 * only one standard accepts is a vote for it. For example 0x67 (H.264 SPS) is H.265 type 51,
 * unassigned; 0x40 0x01 (H.265 VPS) is H.264 type 0, unassigned.
 */
public final class VideoCodecSniffer {
    /** Enough NAL units to decide; parameter sets and slices come first in any access unit. */
    private static final int MAX_NAL_UNITS = 16;

    private VideoCodecSniffer() {
    }

    /** The codec the payload's NAL headers point to, or null when they are absent or ambiguous. */
    public static Codec sniff(ByteBuf annexB) {
        int end = annexB.writerIndex();
        int h264Votes = 0;
        int h265Votes = 0;
        int from = annexB.readerIndex();
        StartCodeScanner startCodes = new StartCodeScanner();
        for (int seen = 0; seen < MAX_NAL_UNITS; seen++) {
            int startCode = startCodes.find(annexB, from, end);
            if (startCode < 0 || startCode + 4 >= end) {
                break;
            }
            int first = annexB.getUnsignedByte(startCode + 3);
            int second = annexB.getUnsignedByte(startCode + 4);
            boolean h264 = isPlausibleH264(first);
            boolean h265 = isPlausibleH265(first, second);
            if (h264 && !h265) {
                h264Votes++;
            } else if (h265 && !h264) {
                h265Votes++;
            }
            from = startCode + 3;
        }
        if (h264Votes > h265Votes) {
            return Codec.H264;
        }
        return h265Votes > h264Votes ? Codec.H265 : null;
    }

    static boolean isPlausibleH264(int header) {
        if ((header & 0x80) != 0) {
            return false;
        }
        int type = NalUnits.h264Type(header);
        boolean referenced = (header & 0x60) != 0;
        return switch (type) {
            case 1, 2, 3, 4, 14, 15, 19, 20, 21 -> true;
            case NalUnits.H264_IDR, NalUnits.H264_SPS, NalUnits.H264_PPS -> referenced;
            case NalUnits.H264_SEI, NalUnits.H264_AUD, 10, 11, 12 -> !referenced;
            case 13 -> true;
            default -> false;
        };
    }

    static boolean isPlausibleH265(int first, int second) {
        if ((first & 0x80) != 0) {
            return false;
        }
        int layerId = ((first & 0x01) << 5) | (second >> 3);
        int temporalIdPlus1 = second & 0x07;
        if (layerId != 0 || temporalIdPlus1 == 0) {
            return false;
        }
        int type = NalUnits.h265Type(first);
        return type <= 9 || NalUnits.isH265Irap(type) || (type >= 32 && type <= 40);
    }
}
