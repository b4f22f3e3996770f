package io.gbgate.gateway.event;

import io.gbgate.storage.clip.ClipJobs;
import java.time.Duration;
import java.time.Instant;

/** A clip's time range, validated: not empty, not longer than a clip may be. */
public record ClipRange(Instant from, Instant to) {

    /** Validates the range. */
    public ClipRange {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a clip needs from and to (or around with preSeconds/postSeconds)");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("from must be before to: " + from + " .. " + to);
        }
        if (Duration.between(from, to).compareTo(ClipJobs.MAX_CLIP) > 0) {
            throw new IllegalArgumentException("a clip may be at most " + ClipJobs.MAX_CLIP.toMinutes() + " minutes");
        }
    }

    /** {@code pre} before and {@code post} after {@code around}. */
    public static ClipRange around(Instant around, Duration pre, Duration post) {
        if (around == null) {
            throw new IllegalArgumentException("around is missing");
        }
        if (pre.isNegative() || post.isNegative()) {
            throw new IllegalArgumentException("preSeconds and postSeconds must not be negative");
        }
        return new ClipRange(around.minus(pre), around.plus(post));
    }
}
