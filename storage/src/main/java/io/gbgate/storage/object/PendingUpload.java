package io.gbgate.storage.object;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A snapshot of an upload that {@link RetryingUploader} has not finished yet.
 *
 * @param key           object key
 * @param file          local file being uploaded (kept until the store confirmed the object)
 * @param attempts      attempts started so far
 * @param lastError     message of the last failed attempt, or null if none failed yet
 * @param nextAttemptAt when the next attempt is scheduled, or null while one is queued or running
 */
public record PendingUpload(String key, Path file, int attempts, String lastError, Instant nextAttemptAt) {
}
