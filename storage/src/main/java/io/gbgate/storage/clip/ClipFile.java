package io.gbgate.storage.clip;

import java.util.Objects;

/**
 * A finished clip export.
 *
 * @param localPath  the MP4 file relative to the data directory ({@code clips/<id>.mp4})
 * @param bytes      file size
 * @param durationMs media duration
 * @param sha256     lower-case hex SHA-256 of the file
 * @param note       what was missing when the range was only partly recorded, else null
 */
public record ClipFile(String localPath, long bytes, long durationMs, String sha256, String note) {

    /** Validates the values. */
    public ClipFile {
        Objects.requireNonNull(localPath, "localPath");
        Objects.requireNonNull(sha256, "sha256");
        if (bytes <= 0 || durationMs < 0) {
            throw new IllegalArgumentException("bad clip file: " + bytes + " bytes, " + durationMs + " ms");
        }
    }
}
