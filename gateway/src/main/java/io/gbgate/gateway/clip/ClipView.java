package io.gbgate.gateway.clip;

import java.time.Instant;

/**
 * A clip as the API shows it: state (pending, running with progress, ready, failed with reason),
 * what was made (size, duration, checksum), whether the object store confirmed it, and where to
 * download it once it did. While the upload is pending: {@code uploadAttempts} made so far and the last
 * attempt's error (the store is down: the clip waits on local disk and is retried with backoff).
 */
public record ClipView(String clipId, String channelId, Instant from, Instant to, String state, int progress,
                       String reason, Long bytes, Long durationMs, String sha256, boolean stored, String objectKey,
                       String downloadUrl, int uploadAttempts, String uploadError) {
}
