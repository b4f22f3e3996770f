package io.gbgate.media.llhls;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link LlHlsOutput} cuts parts and segments.
 *
 * @param partTarget     a part is cut once one more frame would make it longer than this (the
 *                       advertised PART-TARGET); 100 ms to 1 s
 * @param segmentTarget  a segment is cut at the first keyframe once it lasts at least this long
 * @param windowSegments completed segments kept in memory and listed in the playlist
 */
public record LlHlsSettings(Duration partTarget, Duration segmentTarget, int windowSegments) {
    public static final Duration DEFAULT_PART_TARGET = Duration.ofMillis(200);
    public static final Duration DEFAULT_SEGMENT_TARGET = Duration.ofSeconds(2);
    public static final int DEFAULT_WINDOW_SEGMENTS = 6;

    public LlHlsSettings {
        Objects.requireNonNull(partTarget, "partTarget");
        Objects.requireNonNull(segmentTarget, "segmentTarget");
        if (partTarget.toMillis() < 100 || partTarget.toMillis() > 1000) {
            throw new IllegalArgumentException("part target must be within 100 ms..1 s: " + partTarget);
        }
        if (segmentTarget.compareTo(partTarget) < 0) {
            throw new IllegalArgumentException("segment target " + segmentTarget + " below part target " + partTarget);
        }
        if (windowSegments < 2) {
            throw new IllegalArgumentException("window must hold at least 2 segments: " + windowSegments);
        }
    }

    public static LlHlsSettings defaults() {
        return new LlHlsSettings(DEFAULT_PART_TARGET, DEFAULT_SEGMENT_TARGET, DEFAULT_WINDOW_SEGMENTS);
    }

    public LlHlsSettings withPartTarget(Duration target) {
        return new LlHlsSettings(target, segmentTarget, windowSegments);
    }

    long partTargetTicks() {
        return partTarget.toMillis() * 90;
    }

    long segmentTargetTicks() {
        return segmentTarget.toMillis() * 90;
    }
}
