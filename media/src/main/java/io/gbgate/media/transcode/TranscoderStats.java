package io.gbgate.media.transcode;

/**
 * What a transcoder did so far.
 *
 * @param running              false once stopped
 * @param encoder              libavcodec H.264 encoder in use (e.g. {@code libopenh264}), null before the first picture
 * @param width                output picture width, 0 before the first picture
 * @param height               output picture height, 0 before the first picture
 * @param unitsIn              access units received from the source (video and audio)
 * @param framesDecoded        H.265 pictures decoded
 * @param framesEncoded        H.264 access units published
 * @param droppedVideo         video units dropped because the worker fell behind (up to the next keyframe)
 * @param droppedAudio         audio units dropped because the queue was full
 * @param errors               units the decoder or encoder rejected
 * @param queued               units waiting for the worker now
 * @param meanWorkMillis       mean decode plus encode time of one video unit on the worker
 * @param meanLatencyMillis    mean time from a video unit's arrival to its H.264 publication (queue wait included)
 * @param maxLatencyMillis     longest such time
 */
public record TranscoderStats(boolean running, String encoder, int width, int height, long unitsIn,
                              long framesDecoded, long framesEncoded, long droppedVideo, long droppedAudio,
                              long errors, int queued, double meanWorkMillis, double meanLatencyMillis,
                              double maxLatencyMillis) {
}
