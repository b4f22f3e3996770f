package io.gbgate.storage.recording;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how much recording is kept.
 *
 * @param maxAge     segments that ended longer ago than this are deleted
 * @param quotaBytes the oldest segments are deleted while all recordings together are larger than this
 */
public record RetentionPolicy(Duration maxAge, long quotaBytes) {

    /** Validates the limits. */
    public RetentionPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("retention age must be positive: " + maxAge);
        }
        if (quotaBytes < 0) {
            throw new IllegalArgumentException("recording quota must not be negative: " + quotaBytes);
        }
    }
}
