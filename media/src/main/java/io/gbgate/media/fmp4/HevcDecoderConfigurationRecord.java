package io.gbgate.media.fmp4;

import io.gbgate.media.Codec;
import io.gbgate.media.codec.BitReader;
import io.gbgate.media.codec.MalformedBitstreamException;
import io.gbgate.media.codec.NalUnits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 8.3.3.1): the body of an MP4
 * {@code hvcC} box and of an enhanced-FLV HEVC sequence start. Profile, tier, level, chroma
 * format and bit depths are read from the first SPS; NAL unit lengths are announced as 4 bytes;
 * VPS, SPS and PPS arrays are marked complete (no parameter sets are expected in band).
 */
public final class HevcDecoderConfigurationRecord {
    private static final int CONFIGURATION_VERSION = 1;
    private static final int NAL_HEADER_BYTES = 2;
    /** general_profile_space .. general_level_idc of profile_tier_level(). */
    private static final int GENERAL_PTL_BYTES = 12;
    private static final int MAX_SUB_LAYERS_MINUS1 = 6;
    private static final int ARRAY_COMPLETENESS = 0x80;
    private static final int LENGTH_SIZE_MINUS_ONE = 3;

    /** What the record needs from the SPS beyond the raw profile_tier_level bytes. */
    private record SpsSummary(byte[] generalProfileTierLevel, int maxSubLayersMinus1, boolean temporalIdNesting,
            int chromaFormatIdc, int bitDepthLumaMinus8, int bitDepthChromaMinus8) {
    }

    private HevcDecoderConfigurationRecord() {
    }

    /** Appends the record for {@code sets} (which must be H.265) to {@code out}. */
    public static void write(ParameterSets sets, ByteBuf out) {
        if (sets.codec() != Codec.H265) {
            throw new IllegalArgumentException("not H.265: " + sets.codec());
        }
        SpsSummary sps = summarize(sets.firstSps());
        out.writeByte(CONFIGURATION_VERSION);
        out.writeBytes(sps.generalProfileTierLevel());
        out.writeShort(0xF000); // reserved '1111'b, min_spatial_segmentation_idc = 0
        out.writeByte(0xFC); // reserved '111111'b, parallelismType = 0 (unknown)
        out.writeByte(0xFC | sps.chromaFormatIdc());
        out.writeByte(0xF8 | sps.bitDepthLumaMinus8());
        out.writeByte(0xF8 | sps.bitDepthChromaMinus8());
        out.writeShort(0); // avgFrameRate unspecified
        int numTemporalLayers = sps.maxSubLayersMinus1() + 1;
        out.writeByte(numTemporalLayers << 3 | (sps.temporalIdNesting() ? 1 << 2 : 0) | LENGTH_SIZE_MINUS_ONE);
        out.writeByte(3); // numOfArrays: VPS, SPS, PPS
        writeArray(NalUnits.H265_VPS, sets.vps(), out);
        writeArray(NalUnits.H265_SPS, sets.sps(), out);
        writeArray(NalUnits.H265_PPS, sets.pps(), out);
    }

    private static void writeArray(int nalType, List<byte[]> nals, ByteBuf out) {
        out.writeByte(ARRAY_COMPLETENESS | nalType);
        out.writeShort(nals.size());
        for (byte[] nal : nals) {
            AvcDecoderConfigurationRecord.writeNal(nal, out);
        }
    }

    private static SpsSummary summarize(byte[] spsNal) {
        if (spsNal.length < NAL_HEADER_BYTES + 1 + GENERAL_PTL_BYTES) {
            throw new MalformedBitstreamException("H.265 SPS of " + spsNal.length + " bytes");
        }
        byte[] rbsp = BitReader.toRbsp(Unpooled.wrappedBuffer(spsNal), NAL_HEADER_BYTES,
                spsNal.length);
        BitReader r = new BitReader(rbsp);
        r.skipBits(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.readBits(3);
        if (maxSubLayersMinus1 > MAX_SUB_LAYERS_MINUS1) {
            throw new MalformedBitstreamException("sps_max_sub_layers_minus1 = " + maxSubLayersMinus1);
        }
        boolean nesting = r.readFlag();
        byte[] ptl = Arrays.copyOfRange(rbsp, 1, 1 + GENERAL_PTL_BYTES);
        r.skipBits(GENERAL_PTL_BYTES * 8L);
        skipSubLayers(r, maxSubLayersMinus1);
        r.readUe("sps_seq_parameter_set_id", 15);
        int chromaFormatIdc = r.readUe("chroma_format_idc", 3);
        if (chromaFormatIdc == 3) {
            r.skipBits(1); // separate_colour_plane_flag
        }
        r.readUe(); // pic_width_in_luma_samples
        r.readUe(); // pic_height_in_luma_samples
        if (r.readFlag()) { // conformance_window_flag
            for (int i = 0; i < 4; i++) {
                r.readUe();
            }
        }
        int lumaMinus8 = r.readUe("bit_depth_luma_minus8", 7);
        int chromaMinus8 = r.readUe("bit_depth_chroma_minus8", 7);
        return new SpsSummary(ptl, maxSubLayersMinus1, nesting, chromaFormatIdc, lumaMinus8, chromaMinus8);
    }

    /** The sub-layer part of profile_tier_level (H.265 7.3.3). */
    private static void skipSubLayers(BitReader r, int maxSubLayersMinus1) {
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
                r.skipBits(88);
            }
            if (levelPresent[i]) {
                r.skipBits(8);
            }
        }
    }
}
