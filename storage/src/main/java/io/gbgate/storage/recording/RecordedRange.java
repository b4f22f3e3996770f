package io.gbgate.storage.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A continuous stretch of recording of one channel: adjacent segments merged, holes shorter than the gap tolerance
 * bridged.
 *
 * @param channelId channel
 * @param from      start of the first segment (clipped to the query window)
 * @param to        end of the last segment (clipped to the query window)
 * @param segments  number of segments merged into the range
 */
public record RecordedRange(String channelId, Instant from, Instant to, int segments) {

    /** Validates the span. */
    public RecordedRange {
        ChannelIds.require(channelId);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from) || segments < 1) {
            throw new IllegalArgumentException("bad recorded range " + from + " .. " + to + " of " + segments
                    + " segment(s)");
        }
    }

    public Duration duration() {
        return Duration.between(from, to);
    }
}
