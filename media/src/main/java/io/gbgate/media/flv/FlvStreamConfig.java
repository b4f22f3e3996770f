package io.gbgate.media.flv;

import io.gbgate.media.Codec;
import io.gbgate.media.codec.VideoParameters;
import io.gbgate.media.fmp4.ParameterSets;

/**
 * What an FLV reader must be told before media tags: the video parameter sets (and what their
 * SPS says), the audio codec and, for AAC, the AudioSpecificConfig. Immutable; the muxer replaces
 * it when a keyframe or an audio frame brings something new.
 *
 * @param videoSets  parameter sets of the current video configuration, null before the first keyframe
 * @param video      what the first SPS says, null before the first keyframe
 * @param audioCodec the audio codec seen, or null
 * @param aac        the AAC stream parameters (ADTS header of the last configuration), null unless AAC
 */
record FlvStreamConfig(ParameterSets videoSets, VideoParameters video, Codec audioCodec, AdtsHeader aac) {
    static final FlvStreamConfig EMPTY = new FlvStreamConfig(null, null, null, null);

    FlvStreamConfig withVideo(ParameterSets sets, VideoParameters parameters) {
        return new FlvStreamConfig(sets, parameters, audioCodec, aac);
    }

    FlvStreamConfig withAudio(Codec codec, AdtsHeader aacHeader) {
        return new FlvStreamConfig(videoSets, video, codec, aacHeader);
    }

    boolean hasVideo() {
        return videoSets != null;
    }

    /** True when {@code header} describes the same AAC stream as the current configuration. */
    boolean sameAac(AdtsHeader header) {
        return aac != null && aac.audioSpecificConfig() == header.audioSpecificConfig();
    }
}
