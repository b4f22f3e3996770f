package io.gbgate.storage.object;

import java.time.Instant;
import java.util.Objects;

/**
 * An object as the store holds it.
 *
 * @param key      the object key
 * @param size     content length in bytes
 * @param sha256   lower-case hex SHA-256 of the content as recorded in the metadata at upload, or null for an
 *                 object written by another tool without it
 * @param etag     the store's entity tag (S3 ETag without quotes; the SHA-256 for the local store)
 * @param storedAt when the store wrote the object (S3 Last-Modified, second precision)
 * @param metadata the object's metadata, {@link ObjectMetadata#sha256()} equal to {@code sha256}
 */
public record StoredObject(String key, long size, String sha256, String etag, Instant storedAt,
                           ObjectMetadata metadata) {

    /** Checks the invariants: non-null key, time and metadata, non-negative size. */
    public StoredObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(storedAt, "storedAt");
        Objects.requireNonNull(metadata, "metadata");
        if (size < 0) {
            throw new IllegalArgumentException("negative object size " + size);
        }
    }

    /** True when this object has exactly the given content length and checksum. */
    public boolean matches(FileDigest digest) {
        return size == digest.size() && digest.sha256().equals(sha256);
    }
}
