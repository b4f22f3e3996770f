package io.gbgate.storage.recording;

import java.time.Duration;
import java.util.Objects;

/**
 * How recorders cut and time their segments.
 *
 * @param segmentDuration target segment length; a segment is cut at the first keyframe at or after it
 * @param maxClockDrift   how far the media clock may drift from the wall clock before the recorder cuts the segment
 *                        and re-anchors its wall-clock time (a wall clock jump or a stalled camera shows as a hole)
 * @param maxSegmentBytes a segment growing beyond this without a keyframe is discarded (camera never sends one)
 */
public record RecorderSettings(Duration segmentDuration, Duration maxClockDrift, int maxSegmentBytes) {

    /** Four-second segments, 2 s drift tolerance, 64 MiB size cap. */
    public static final RecorderSettings DEFAULTS =
            new RecorderSettings(Duration.ofSeconds(4), Duration.ofSeconds(2), 64 * 1024 * 1024);

    /** Validates the values. */
    public RecorderSettings {
        Objects.requireNonNull(segmentDuration, "segmentDuration");
        Objects.requireNonNull(maxClockDrift, "maxClockDrift");
        if (segmentDuration.compareTo(Duration.ofMillis(500)) < 0 || segmentDuration.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("segment duration must be 0.5 s .. 10 min: " + segmentDuration);
        }
        if (maxClockDrift.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("clock drift tolerance must be at least 100 ms: " + maxClockDrift);
        }
        if (maxSegmentBytes < 64 * 1024) {
            throw new IllegalArgumentException("segment size cap must be at least 64 KiB: " + maxSegmentBytes);
        }
    }

    /** The same settings with another segment duration. */
    public RecorderSettings withSegmentDuration(Duration duration) {
        return new RecorderSettings(duration, maxClockDrift, maxSegmentBytes);
    }

    long segmentTicks() {
        return segmentDuration.toMillis() * 90;
    }

    long maxDriftMillis() {
        return maxClockDrift.toMillis();
    }
}
