package io.gbgate.media.codec;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;

/**
 * What a sequence parameter set says about a video stream.
 *
 * @param codec   {@link Codec#H264} or {@link Codec#H265}
 * @param width   luma width in pixels after the cropping / conformance window
 * @param height  luma height in pixels after the cropping / conformance window
 * @param profile {@code profile_idc} (H.264) or {@code general_profile_idc} (H.265)
 * @param level   {@code level_idc} (H.264, e.g. 31 for 3.1) or {@code general_level_idc}
 *                (H.265, 30 times the level, e.g. 93 for 3.1)
 * @param fps     frame rate from the VUI timing info, or 0 when the SPS carries none
 */
public record VideoParameters(Codec codec, int width, int height, int profile, int level, double fps) {

    public VideoParameters {
        if (codec == null || !codec.isVideo()) {
            throw new IllegalArgumentException("not a video codec: " + codec);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("non-positive picture size " + width + "x" + height);
        }
        if (fps < 0 || Double.isNaN(fps)) {
            throw new IllegalArgumentException("invalid fps " + fps);
        }
    }

    /**
     * Parses the first SPS in an Annex B video access unit (normally a keyframe, which carries its
     * parameter sets in front).
     *
     * @return the parameters, or null when the unit is not H.264/H.265 or holds no SPS
     * @throws MalformedBitstreamException when the SPS found is corrupt
     */
    public static VideoParameters fromAccessUnit(AccessUnit unit) {
        Codec codec = unit.codec();
        if (codec != Codec.H264 && codec != Codec.H265) {
            return null;
        }
        ByteBuf data = unit.data();
        int end = data.writerIndex();
        int startCode = NalUnits.findStartCode(data, data.readerIndex(), end);
        while (startCode >= 0) {
            int nalStart = startCode + 3;
            int next = NalUnits.findStartCode(data, nalStart, end);
            int nalEnd = next < 0 ? end : next;
            if (nalStart < nalEnd && isSps(codec, data.getByte(nalStart))) {
                ByteBuf nal = data.slice(nalStart, nalEnd - nalStart);
                return codec == Codec.H264 ? H264SpsParser.parse(nal) : H265SpsParser.parse(nal);
            }
            startCode = next;
        }
        return null;
    }

    private static boolean isSps(Codec codec, byte firstNalByte) {
        return codec == Codec.H264
                ? NalUnits.h264Type(firstNalByte) == NalUnits.H264_SPS
                : NalUnits.h265Type(firstNalByte) == NalUnits.H265_SPS;
    }
}
