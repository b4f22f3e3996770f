package io.gbgate.storage.object;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Stores immutable blobs (recorded clips, snapshots) under string keys.
 *
 * <p>Keys follow {@link ObjectKeys}; an invalid key is rejected with {@link IllegalArgumentException} before any
 * I/O. Store failures are {@link ObjectStoreException}s whose {@link ObjectStoreException.Kind} says whether a
 * retry can help. Implementations are thread-safe.
 */
public interface ObjectStore {

    /**
     * Uploads a local file, replacing any object under the same key.
     *
     * <p>The SHA-256 of the file is computed while reading it and stored in the object's metadata; if
     * {@code metadata.sha256()} is already set it must match, and the stored size must equal the file's size.
     * The local file is never modified or deleted.
     *
     * @return the stored object, its metadata carrying the computed checksum
     * @throws ObjectStoreException {@code LOCAL_IO} if the file cannot be read, {@code INTEGRITY} if the file
     *                              does not match the given checksum or changed while being read, otherwise as
     *                              the store fails
     */
    StoredObject put(String key, Path file, ObjectMetadata metadata);

    /** The object under {@code key}, or empty when there is none (or only an incomplete one). */
    Optional<StoredObject> stat(String key);

    /**
     * Opens the object's content for reading; the caller closes the stream.
     *
     * @throws ObjectStoreException of kind {@code NOT_FOUND} when there is no such object
     */
    InputStream open(String key);

    /** Deletes the object; deleting a missing object is not an error. */
    void delete(String key);

    /**
     * A URL from which a client can download the object for about {@code ttl}.
     *
     * <p>For S3 this is an absolute presigned GET URL that needs no further credentials. For the local store it
     * is a relative URL path served by the gateway itself ({@code /files/<key>}): it carries no authorization,
     * so the gateway must append its own signed, expiring token before handing it out; {@code ttl} is then the
     * gateway's to enforce.
     */
    URI downloadUrl(String key, Duration ttl);

    /** Cheap health check: true when the store answered (or its directory is writable) just now. Never throws. */
    boolean isAvailable();
}
