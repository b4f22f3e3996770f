package io.gbgate.media.hls;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link HlsSegmenter} cuts and keeps segments.
 *
 * @param targetDuration a segment is cut at the first keyframe once it lasts at least this long
 * @param windowSize how many completed segments stay in memory and in the live playlist
 * @param maxSegmentBytes a segment growing past this (no keyframe in sight) is discarded, and
 *        the segmenter waits for the next keyframe; bounds memory per stream
 */
public record HlsSettings(Duration targetDuration, int windowSize, int maxSegmentBytes) {
    public static final Duration DEFAULT_TARGET_DURATION = Duration.ofSeconds(2);
    public static final int DEFAULT_WINDOW_SIZE = 6;
    public static final int DEFAULT_MAX_SEGMENT_BYTES = 64 * 1024 * 1024;

    public HlsSettings {
        Objects.requireNonNull(targetDuration, "targetDuration");
        if (targetDuration.toMillis() < 100) {
            throw new IllegalArgumentException("target duration below 100 ms: " + targetDuration);
        }
        if (windowSize < 1) {
            throw new IllegalArgumentException("window size must be at least 1: " + windowSize);
        }
        if (maxSegmentBytes < 64 * 1024) {
            throw new IllegalArgumentException("max segment size below 64 KiB: " + maxSegmentBytes);
        }
    }

    public static HlsSettings defaults() {
        return new HlsSettings(DEFAULT_TARGET_DURATION, DEFAULT_WINDOW_SIZE, DEFAULT_MAX_SEGMENT_BYTES);
    }

    public HlsSettings withTargetDuration(Duration duration) {
        return new HlsSettings(duration, windowSize, maxSegmentBytes);
    }

    public HlsSettings withWindowSize(int size) {
        return new HlsSettings(targetDuration, size, maxSegmentBytes);
    }

    /** The target duration in 90 kHz ticks. */
    long targetTicks() {
        return targetDuration.toMillis() * 90;
    }
}
