package io.gbgate.media.source;

/**
 * Settings of a synthetic test-pattern camera.
 *
 * @param cameraName text burned into the picture
 * @param width      picture width in pixels (even)
 * @param height     picture height in pixels (even)
 * @param fps        frames per second
 * @param gopFrames  distance between keyframes in frames
 * @param bitrate    target bit rate in bits per second
 */
public record TestPatternConfig(String cameraName, int width, int height, int fps, int gopFrames, int bitrate) {
    private static final int MAX_DIMENSION = 4096;
    private static final int MAX_FPS = 120;

    public TestPatternConfig {
        if (cameraName == null || cameraName.isBlank()) {
            throw new IllegalArgumentException("camera name must not be blank");
        }
        if (width < 16 || height < 16 || width > MAX_DIMENSION || height > MAX_DIMENSION
                || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("picture size must be even and within 16.." + MAX_DIMENSION
                    + ": " + width + "x" + height);
        }
        if (fps < 1 || fps > MAX_FPS) {
            throw new IllegalArgumentException("fps must be within 1.." + MAX_FPS + ": " + fps);
        }
        if (gopFrames < 1) {
            throw new IllegalArgumentException("gopFrames must be positive: " + gopFrames);
        }
        if (bitrate < 10_000) {
            throw new IllegalArgumentException("bitrate below 10 kbit/s: " + bitrate);
        }
    }

    /**
     * A pattern with a one-second GOP (so players start fast) and a bit rate of about 0.1 bit
     * per pixel, at least 100 kbit/s.
     */
    public static TestPatternConfig of(String cameraName, int width, int height, int fps) {
        int bitrate = (int) Math.max(100_000, Math.min(Integer.MAX_VALUE, (long) width * height * fps / 10));
        return new TestPatternConfig(cameraName, width, height, fps, fps, bitrate);
    }

    public TestPatternConfig withGopFrames(int frames) {
        return new TestPatternConfig(cameraName, width, height, fps, frames, bitrate);
    }

    public TestPatternConfig withBitrate(int bitsPerSecond) {
        return new TestPatternConfig(cameraName, width, height, fps, gopFrames, bitsPerSecond);
    }

    /** Presentation time of frame {@code index} in 90 kHz units, exact for any frame rate. */
    public long pts90k(long index) {
        return index * 90_000L / fps;
    }
}
