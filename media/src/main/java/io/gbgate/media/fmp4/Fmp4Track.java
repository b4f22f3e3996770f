package io.gbgate.media.fmp4;

import io.gbgate.media.Codec;
import io.gbgate.media.codec.H264SpsParser;
import io.gbgate.media.codec.H265SpsParser;
import io.gbgate.media.codec.VideoParameters;

/**
 * The video track an init segment describes.
 *
 * @param parameterSets the stream's parameter sets (they go into avcC / hvcC)
 * @param video         what the first SPS says (picture size for tkhd and the sample entry)
 */
public record Fmp4Track(ParameterSets parameterSets, VideoParameters video) {
    /** Media timescale of the track: the 90 kHz clock of the access units. */
    public static final int TIMESCALE = 90_000;

    public Fmp4Track {
        if (parameterSets.codec() != video.codec()) {
            throw new IllegalArgumentException(parameterSets.codec() + " parameter sets for " + video.codec());
        }
    }

    /**
     * The track for {@code sets}, the picture size parsed from its first SPS.
     *
     * @throws io.gbgate.media.codec.MalformedBitstreamException when the SPS is corrupt
     */
    public static Fmp4Track of(ParameterSets sets) {
        VideoParameters video = sets.codec() == Codec.H264
                ? H264SpsParser.parse(sets.firstSps())
                : H265SpsParser.parse(sets.firstSps());
        return new Fmp4Track(sets, video);
    }

    public Codec codec() {
        return parameterSets.codec();
    }
}
