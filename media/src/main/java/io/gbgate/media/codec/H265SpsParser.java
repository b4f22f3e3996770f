package io.gbgate.media.codec;

import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Parses an H.265 sequence parameter set (ITU-T H.265 7.3.2.2) far enough to know the picture
 * size inside the conformance window, general profile and level, and the VUI frame rate.
 * Handles profile_tier_level with sub-layers, scaling list data, PCM, short-term reference
 * picture sets (including inter-RPS prediction) and long-term reference pictures, all of which
 * precede the VUI.
 */
public final class H265SpsParser {
    private static final int NAL_HEADER_BYTES = 2;
    private static final int MAX_SUB_LAYERS_MINUS1 = 6;
    private static final int MAX_PICTURE_SIZE = 65535;
    private static final int MAX_SHORT_TERM_REF_PIC_SETS = 64;
    private static final int MAX_DELTA_POCS = 16;

    private H265SpsParser() {
    }

    /**
     * Parses the readable bytes of {@code nal}: one SPS NAL unit starting at its two header bytes
     * (an Annex B start code in front is tolerated). The buffer's indices are not changed.
     *
     * @throws MalformedBitstreamException when it is not an SPS or is truncated or corrupt
     */
    public static VideoParameters parse(ByteBuf nal) {
        int start = NalUnits.skipStartCode(nal, nal.readerIndex(), nal.writerIndex());
        if (nal.writerIndex() - start < NAL_HEADER_BYTES) {
            throw new MalformedBitstreamException("H.265 NAL unit shorter than its header");
        }
        int type = NalUnits.h265Type(nal.getByte(start));
        if (type != NalUnits.H265_SPS) {
            throw new MalformedBitstreamException("H.265 NAL type " + type + " is not an SPS");
        }
        BitReader reader = new BitReader(BitReader.toRbsp(nal, start + NAL_HEADER_BYTES, nal.writerIndex()));
        return parseRbsp(reader);
    }

    /** {@link #parse(ByteBuf)} over a byte array. */
    public static VideoParameters parse(byte[] nal) {
        return parse(Unpooled.wrappedBuffer(nal));
    }

    private static VideoParameters parseRbsp(BitReader r) {
        r.skipBits(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.readBits(3);
        if (maxSubLayersMinus1 > MAX_SUB_LAYERS_MINUS1) {
            throw new MalformedBitstreamException("sps_max_sub_layers_minus1 = " + maxSubLayersMinus1);
        }
        r.skipBits(1); // sps_temporal_id_nesting_flag
        // general part of profile_tier_level(1, sps_max_sub_layers_minus1)
        r.skipBits(3); // general_profile_space, general_tier_flag
        int profileIdc = r.readBits(5);
        r.skipBits(32 + 4 + 43 + 1); // compatibility flags, source flags, constraint flags
        int levelIdc = r.readBits(8);
        skipSubLayerProfileTierLevels(r, maxSubLayersMinus1);

        r.readUe("sps_seq_parameter_set_id", 15);
        int chromaFormatIdc = r.readUe("chroma_format_idc", 3);
        boolean separateColourPlane = chromaFormatIdc == 3 && r.readFlag();
        int width = r.readUe("pic_width_in_luma_samples", MAX_PICTURE_SIZE);
        int height = r.readUe("pic_height_in_luma_samples", MAX_PICTURE_SIZE);
        if (r.readFlag()) { // conformance_window_flag
            int chromaArrayType = separateColourPlane ? 0 : chromaFormatIdc;
            int subWidthC = chromaArrayType == 1 || chromaArrayType == 2 ? 2 : 1;
            int subHeightC = chromaArrayType == 1 ? 2 : 1;
            long left = r.readUe();
            long right = r.readUe();
            long top = r.readUe();
            long bottom = r.readUe();
            width = H264SpsParser.croppedSize("width", width, subWidthC * (left + right));
            height = H264SpsParser.croppedSize("height", height, subHeightC * (top + bottom));
        }
        r.readUe("bit_depth_luma_minus8", 8);
        r.readUe("bit_depth_chroma_minus8", 8);
        int log2MaxPocLsb = r.readUe("log2_max_pic_order_cnt_lsb_minus4", 12) + 4;
        boolean subLayerOrderingInfo = r.readFlag();
        for (int i = subLayerOrderingInfo ? 0 : maxSubLayersMinus1; i <= maxSubLayersMinus1; i++) {
            r.readUe(); // sps_max_dec_pic_buffering_minus1
            r.readUe(); // sps_max_num_reorder_pics
            r.readUe(); // sps_max_latency_increase_plus1
        }
        for (int i = 0; i < 6; i++) {
            r.readUe(); // coding block and transform block sizes, transform hierarchy depths
        }
        if (r.readFlag() && r.readFlag()) { // scaling_list_enabled_flag, sps_scaling_list_data_present_flag
            skipScalingListData(r);
        }
        r.skipBits(2); // amp_enabled_flag, sample_adaptive_offset_enabled_flag
        if (r.readFlag()) { // pcm_enabled_flag
            r.skipBits(8); // pcm sample bit depths
            r.readUe(); // log2_min_pcm_luma_coding_block_size_minus3
            r.readUe(); // log2_diff_max_min_pcm_luma_coding_block_size
            r.skipBits(1); // pcm_loop_filter_disabled_flag
        }
        skipShortTermRefPicSets(r);
        if (r.readFlag()) { // long_term_ref_pics_present_flag
            int longTermRefPics = r.readUe("num_long_term_ref_pics_sps", 32);
            r.skipBits((long) longTermRefPics * (log2MaxPocLsb + 1)); // lt_ref_pic_poc_lsb_sps, used flag
        }
        r.skipBits(2); // sps_temporal_mvp_enabled_flag, strong_intra_smoothing_enabled_flag
        double fps = r.readFlag() ? readVuiFrameRate(r) : 0; // vui_parameters_present_flag
        return new VideoParameters(Codec.H265, width, height, profileIdc, levelIdc, fps);
    }

    private static void skipSubLayerProfileTierLevels(BitReader r, int maxSubLayersMinus1) {
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = r.readFlag();
            levelPresent[i] = r.readFlag();
        }
        if (maxSubLayersMinus1 > 0) {
            r.skipBits(2L * (8 - maxSubLayersMinus1)); // reserved_zero_2bits
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (profilePresent[i]) {
                r.skipBits(88); // sub_layer profile space .. inbld/reserved flag
            }
            if (levelPresent[i]) {
                r.skipBits(8); // sub_layer_level_idc
            }
        }
    }

    /** scaling_list_data() of 7.3.4. */
    private static void skipScalingListData(BitReader r) {
        for (int sizeId = 0; sizeId < 4; sizeId++) {
            for (int matrixId = 0; matrixId < 6; matrixId += sizeId == 3 ? 3 : 1) {
                if (!r.readFlag()) { // scaling_list_pred_mode_flag
                    r.readUe(); // scaling_list_pred_matrix_id_delta
                    continue;
                }
                int coefficients = Math.min(64, 1 << (4 + (sizeId << 1)));
                if (sizeId > 1) {
                    r.readSe(); // scaling_list_dc_coef_minus8
                }
                for (int i = 0; i < coefficients; i++) {
                    r.readSe(); // scaling_list_delta_coef
                }
            }
        }
    }

    /** All st_ref_pic_set(i) of the SPS (7.3.7); only their sizes matter, which chain by index. */
    private static void skipShortTermRefPicSets(BitReader r) {
        int sets = r.readUe("num_short_term_ref_pic_sets", MAX_SHORT_TERM_REF_PIC_SETS);
        int[] numDeltaPocs = new int[sets];
        for (int idx = 0; idx < sets; idx++) {
            boolean interRpsPrediction = idx != 0 && r.readFlag();
            if (interRpsPrediction) {
                // delta_idx_minus1 is only coded in slice headers, so the reference set is idx - 1
                r.skipBits(1); // delta_rps_sign
                r.readUe("abs_delta_rps_minus1", 32767);
                int count = 0;
                for (int j = 0; j <= numDeltaPocs[idx - 1]; j++) {
                    boolean usedByCurrPic = r.readFlag();
                    if (usedByCurrPic || r.readFlag()) { // use_delta_flag, inferred 1 when absent
                        count++;
                    }
                }
                numDeltaPocs[idx] = count;
            } else {
                int negative = r.readUe("num_negative_pics", MAX_DELTA_POCS);
                int positive = r.readUe("num_positive_pics", MAX_DELTA_POCS - negative);
                for (int i = 0; i < negative + positive; i++) {
                    r.readUe(); // delta_poc_s0/s1_minus1
                    r.skipBits(1); // used_by_curr_pic_s0/s1_flag
                }
                numDeltaPocs[idx] = negative + positive;
            }
        }
    }

    /** VUI (Annex E.2.1) up to vui_timing_info; fps = vui_time_scale / vui_num_units_in_tick. */
    private static double readVuiFrameRate(BitReader r) {
        VuiCommon.skipAspectRatioToChromaLocation(r);
        r.skipBits(3); // neutral_chroma_indication, field_seq, frame_field_info_present flags
        if (r.readFlag()) { // default_display_window_flag
            for (int i = 0; i < 4; i++) {
                r.readUe(); // def_disp_win offsets
            }
        }
        if (!r.readFlag()) { // vui_timing_info_present_flag
            return 0;
        }
        long numUnitsInTick = r.readBitsLong(32);
        long timeScale = r.readBitsLong(32);
        return numUnitsInTick == 0 ? 0 : (double) timeScale / numUnitsInTick;
    }
}
