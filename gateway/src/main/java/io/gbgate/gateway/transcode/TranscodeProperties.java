package io.gbgate.gateway.transcode;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gbgate.transcode.*}: H.265 to H.264 transcoding for viewers without HEVC. Documented in
 * {@code config/application.yml}.
 *
 * @param threads             worker threads shared by every transcoder; 0 means one per two cores
 * @param queueUnits          access units a transcoder may have waiting; beyond it video is dropped up
 *                            to the next keyframe
 * @param maxKeyframeInterval longest distance between H.264 keyframes (source keyframes are kept)
 * @param bitsPerPixel        H.264 target bit rate per pixel and frame
 */
@ConfigurationProperties("gbgate.transcode")
public record TranscodeProperties(
        @DefaultValue("0") int threads,
        @DefaultValue("50") int queueUnits,
        @DefaultValue("2s") Duration maxKeyframeInterval,
        @DefaultValue("0.1") double bitsPerPixel) {
}
