package io.gbgate.media.codec;

import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Parses an H.264 sequence parameter set (ITU-T H.264 7.3.2.1.1) far enough to know the picture
 * size after cropping, profile, level and the VUI frame rate. High profiles (chroma format,
 * bit depth, scaling matrices), interlaced coding ({@code frame_mbs_only_flag = 0}) and frame
 * cropping are handled.
 */
public final class H264SpsParser {
    /** Frame width/height limit in macroblocks; far above level 6.2, keeps arithmetic in range. */
    private static final int MAX_SIZE_IN_MBS = 4096;

    private H264SpsParser() {
    }

    /**
     * Parses the readable bytes of {@code nal}: one SPS NAL unit starting at its header byte
     * (an Annex B start code in front is tolerated). The buffer's indices are not changed.
     *
     * @throws MalformedBitstreamException when it is not an SPS or is truncated or corrupt
     */
    public static VideoParameters parse(ByteBuf nal) {
        int start = NalUnits.skipStartCode(nal, nal.readerIndex(), nal.writerIndex());
        if (start >= nal.writerIndex()) {
            throw new MalformedBitstreamException("empty H.264 NAL unit");
        }
        int type = NalUnits.h264Type(nal.getByte(start));
        if (type != NalUnits.H264_SPS) {
            throw new MalformedBitstreamException("H.264 NAL type " + type + " is not an SPS");
        }
        BitReader reader = new BitReader(BitReader.toRbsp(nal, start + 1, nal.writerIndex()));
        return parseRbsp(reader);
    }

    /** {@link #parse(ByteBuf)} over a byte array. */
    public static VideoParameters parse(byte[] nal) {
        return parse(Unpooled.wrappedBuffer(nal));
    }

    private static VideoParameters parseRbsp(BitReader r) {
        int profileIdc = r.readBits(8);
        r.skipBits(8); // constraint_set0..5 flags and reserved_zero_2bits
        int levelIdc = r.readBits(8);
        r.readUe("seq_parameter_set_id", 31);

        int chromaFormatIdc = 1;
        boolean separateColourPlane = false;
        if (hasChromaFormatFields(profileIdc)) {
            chromaFormatIdc = r.readUe("chroma_format_idc", 3);
            if (chromaFormatIdc == 3) {
                separateColourPlane = r.readFlag();
            }
            r.readUe("bit_depth_luma_minus8", 6);
            r.readUe("bit_depth_chroma_minus8", 6);
            r.skipBits(1); // qpprime_y_zero_transform_bypass_flag
            if (r.readFlag()) { // seq_scaling_matrix_present_flag
                int lists = chromaFormatIdc != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (r.readFlag()) { // seq_scaling_list_present_flag[i]
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.readUe("log2_max_frame_num_minus4", 12);
        skipPicOrderCount(r);
        r.readUe("max_num_ref_frames", 16);
        r.skipBits(1); // gaps_in_frame_num_value_allowed_flag
        int widthInMbs = r.readUe("pic_width_in_mbs_minus1", MAX_SIZE_IN_MBS - 1) + 1;
        int heightInMapUnits = r.readUe("pic_height_in_map_units_minus1", MAX_SIZE_IN_MBS - 1) + 1;
        boolean frameMbsOnly = r.readFlag();
        if (!frameMbsOnly) {
            r.skipBits(1); // mb_adaptive_frame_field_flag
        }
        r.skipBits(1); // direct_8x8_inference_flag

        int fieldFactor = frameMbsOnly ? 1 : 2;
        int width = widthInMbs * 16;
        int height = fieldFactor * heightInMapUnits * 16;
        if (r.readFlag()) { // frame_cropping_flag
            int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
            int cropUnitX = chromaArrayType == 0 ? 1 : (chromaArrayType == 3 ? 1 : 2);
            int cropUnitY = (chromaArrayType == 1 ? 2 : 1) * fieldFactor;
            long left = r.readUe();
            long right = r.readUe();
            long top = r.readUe();
            long bottom = r.readUe();
            width = croppedSize("width", width, cropUnitX * (left + right));
            height = croppedSize("height", height, cropUnitY * (top + bottom));
        }
        double fps = r.readFlag() ? readVuiFrameRate(r) : 0; // vui_parameters_present_flag
        return new VideoParameters(Codec.H264, width, height, profileIdc, levelIdc, fps);
    }

    /** Profiles whose SPS carries chroma_format_idc, bit depths and scaling matrices. */
    private static boolean hasChromaFormatFields(int profileIdc) {
        return switch (profileIdc) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    /** scaling_list() of 7.3.2.1.1.1: only the delta_scale codes are present in the bitstream. */
    private static void skipScalingList(BitReader r, int size) {
        int lastScale = 8;
        int nextScale = 8;
        for (int j = 0; j < size && nextScale != 0; j++) {
            int deltaScale = r.readSe();
            if (deltaScale < -128 || deltaScale > 127) {
                throw new MalformedBitstreamException("delta_scale " + deltaScale + " outside -128..127");
            }
            nextScale = Math.floorMod(lastScale + deltaScale, 256);
            lastScale = nextScale == 0 ? lastScale : nextScale;
        }
    }

    private static void skipPicOrderCount(BitReader r) {
        int picOrderCntType = r.readUe("pic_order_cnt_type", 2);
        if (picOrderCntType == 0) {
            r.readUe("log2_max_pic_order_cnt_lsb_minus4", 12);
        } else if (picOrderCntType == 1) {
            r.skipBits(1); // delta_pic_order_always_zero_flag
            r.readSe(); // offset_for_non_ref_pic
            r.readSe(); // offset_for_top_to_bottom_field
            int cycle = r.readUe("num_ref_frames_in_pic_order_cnt_cycle", 255);
            for (int i = 0; i < cycle; i++) {
                r.readSe(); // offset_for_ref_frame[i]
            }
        }
    }

    /** VUI (Annex E.1.1) up to the timing info; fps = time_scale / (2 * num_units_in_tick). */
    private static double readVuiFrameRate(BitReader r) {
        VuiCommon.skipAspectRatioToChromaLocation(r);
        if (!r.readFlag()) { // timing_info_present_flag
            return 0;
        }
        long numUnitsInTick = r.readBitsLong(32);
        long timeScale = r.readBitsLong(32);
        return numUnitsInTick == 0 ? 0 : timeScale / (2.0 * numUnitsInTick);
    }

    static int croppedSize(String dimension, int coded, long crop) {
        if (crop >= coded) {
            throw new MalformedBitstreamException("cropping of " + crop + " leaves no " + dimension
                    + " from " + coded);
        }
        return (int) (coded - crop);
    }
}
