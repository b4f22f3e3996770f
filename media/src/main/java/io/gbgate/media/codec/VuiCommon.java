package io.gbgate.media.codec;

/** VUI fields that H.264 (E.1.1) and H.265 (E.2.1) share, from aspect ratio to chroma location. */
final class VuiCommon {
    private static final int EXTENDED_SAR = 255;

    private VuiCommon() {
    }

    static void skipAspectRatioToChromaLocation(BitReader r) {
        if (r.readFlag() && r.readBits(8) == EXTENDED_SAR) { // aspect_ratio_info_present_flag, idc
            r.skipBits(32); // sar_width, sar_height
        }
        if (r.readFlag()) { // overscan_info_present_flag
            r.skipBits(1); // overscan_appropriate_flag
        }
        if (r.readFlag()) { // video_signal_type_present_flag
            r.skipBits(4); // video_format, video_full_range_flag
            if (r.readFlag()) { // colour_description_present_flag
                r.skipBits(24); // colour_primaries, transfer_characteristics, matrix_coefficients
            }
        }
        if (r.readFlag()) { // chroma_loc_info_present_flag
            r.readUe(); // chroma_sample_loc_type_top_field
            r.readUe(); // chroma_sample_loc_type_bottom_field
        }
    }
}
