package io.gbgate.storage.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One recorded MPEG-TS file of a channel: a row of {@code recording_segments}. Every segment starts with PAT/PMT and
 * a keyframe, so it can be played or remuxed on its own.
 *
 * @param id         generated key, null before the segment is indexed
 * @param channelId  channel the stream belongs to
 * @param startAt    wall-clock time of the first access unit
 * @param endAt      wall-clock time of the last access unit plus its duration
 * @param durationMs media duration in milliseconds
 * @param path       file location relative to the data directory, '/'-separated
 *                   ({@code recordings/<channel>/<yyyy-MM-dd>/<epochMillis>.ts})
 * @param bytes      file size
 * @param createdAt  when the row was stored, null before
 */
public record RecordingSegment(Long id, String channelId, Instant startAt, Instant endAt, long durationMs,
                               String path, long bytes, Instant createdAt) {

    /** Validates the channel, the time span and the path. */
    public RecordingSegment {
        ChannelIds.require(channelId);
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(endAt, "endAt");
        Objects.requireNonNull(path, "path");
        if (endAt.isBefore(startAt)) {
            throw new IllegalArgumentException("segment ends before it starts: " + startAt + " .. " + endAt);
        }
        if (durationMs < 0 || bytes < 0) {
            throw new IllegalArgumentException("negative segment duration or size: " + durationMs + " ms, "
                    + bytes + " bytes");
        }
        if (path.isBlank() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("segment path must be relative to the data directory: " + path);
        }
    }

    /** A segment about to be indexed (no id, no creation time). */
    public static RecordingSegment of(String channelId, Instant startAt, long durationMs, String path, long bytes) {
        return new RecordingSegment(null, channelId, startAt, startAt.plusMillis(durationMs), durationMs, path, bytes,
                null);
    }

    /** Whether the segment overlaps the half-open interval {@code [from, to)}. */
    public boolean overlaps(Instant from, Instant to) {
        return startAt.isBefore(to) && endAt.isAfter(from);
    }

    public Duration duration() {
        return Duration.ofMillis(durationMs);
    }
}
