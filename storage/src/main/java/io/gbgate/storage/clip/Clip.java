package io.gbgate.storage.clip;

import io.gbgate.storage.recording.ChannelIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A requested export of recorded video as an MP4 file: a row of {@code clips}.
 *
 * @param id         UUID text
 * @param channelId  channel the recording belongs to
 * @param from       requested start (the clip starts at the keyframe at or before it)
 * @param to         requested end, exclusive
 * @param state      where the export stands
 * @param progress   0..100
 * @param reason     why it failed, or a note on a partial export (parts of the range were not recorded); else null
 * @param localPath  the MP4 file relative to the data directory once ready, else null
 * @param bytes      file size once ready
 * @param durationMs media duration once ready
 * @param sha256     lower-case hex SHA-256 of the file once ready
 * @param objectKey  key in the object store once uploaded, else null
 * @param createdAt  when the clip was requested
 * @param updatedAt  when the row last changed
 */
public record Clip(String id, String channelId, Instant from, Instant to, ClipState state, int progress,
                   String reason, String localPath, Long bytes, Long durationMs, String sha256, String objectKey,
                   Instant createdAt, Instant updatedAt) {

    /** Validates identity, range and progress. */
    public Clip {
        Objects.requireNonNull(id, "id");
        ChannelIds.require(channelId);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(state, "state");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("clip range is empty or reversed: " + from + " .. " + to);
        }
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("clip progress must be 0..100: " + progress);
        }
    }

    /** The requested length. */
    public Duration requested() {
        return Duration.between(from, to);
    }
}
