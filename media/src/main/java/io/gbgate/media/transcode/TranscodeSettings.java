package io.gbgate.media.transcode;

/**
 * How an H.265 to H.264 transcoder behaves.
 *
 * @param queueCapacity         access units waiting for the worker at most; beyond it video is dropped
 *                              up to the next keyframe (and audio unit by unit)
 * @param maxKeyframeInterval90k longest distance between output keyframes in 90 kHz units: source
 *                              keyframes are always kept, and a long source GOP gets extra ones so new
 *                              viewers start fast
 * @param bitsPerPixel          target H.264 bit rate per pixel and frame (0.1 is decent for live view)
 * @param minBitrate            floor of the target bit rate in bit/s
 * @param defaultFps            frame rate assumed for rate control when the source SPS names none
 */
public record TranscodeSettings(int queueCapacity, long maxKeyframeInterval90k, double bitsPerPixel,
                                int minBitrate, int defaultFps) {

    public TranscodeSettings {
        if (queueCapacity < 2) {
            throw new IllegalArgumentException("queue capacity below 2: " + queueCapacity);
        }
        if (maxKeyframeInterval90k < 9_000) {
            throw new IllegalArgumentException("keyframe interval below 100 ms: " + maxKeyframeInterval90k);
        }
        if (!(bitsPerPixel > 0) || bitsPerPixel > 2) {
            throw new IllegalArgumentException("bits per pixel outside (0, 2]: " + bitsPerPixel);
        }
        if (minBitrate < 10_000) {
            throw new IllegalArgumentException("minimum bit rate below 10 kbit/s: " + minBitrate);
        }
        if (defaultFps < 1 || defaultFps > 120) {
            throw new IllegalArgumentException("default fps outside 1..120: " + defaultFps);
        }
    }

    /** About two seconds of queue at 25 fps, a keyframe at least every 2 s, 0.1 bit per pixel. */
    public static TranscodeSettings defaults() {
        return new TranscodeSettings(50, 180_000, 0.1, 200_000, 25);
    }

    /** Target bit rate for a picture size and frame rate. */
    public int bitrate(int width, int height, int fps) {
        double bits = bitsPerPixel * width * height * fps;
        return (int) Math.max(minBitrate, Math.min(Integer.MAX_VALUE, bits));
    }
}
