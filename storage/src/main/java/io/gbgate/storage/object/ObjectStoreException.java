package io.gbgate.storage.object;

import java.util.Objects;

/**
 * A failed object store operation, with the {@link Kind} of failure so callers can tell "try again later" from
 * "this will never work".
 */
public final class ObjectStoreException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** The store could not be reached or answered with a server-side error (5xx): worth retrying later. */
        UNAVAILABLE(true),
        /** The store answered and refused the request (credentials, permissions, bad request): retrying won't help. */
        REFUSED(false),
        /** The object (or its bucket) does not exist. */
        NOT_FOUND(false),
        /** Size or checksum of what was stored differs from what was sent: worth uploading again. */
        INTEGRITY(true),
        /** The local file to upload (or the local store's own files) could not be read or written. */
        LOCAL_IO(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        /** Whether repeating the same operation later can succeed. */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;

    /** A failure of the given kind. */
    public ObjectStoreException(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** Whether repeating the operation later can succeed. */
    public boolean retryable() {
        return kind.retryable();
    }

    static ObjectStoreException notFound(String key) {
        return new ObjectStoreException(Kind.NOT_FOUND, "no object " + key, null);
    }

    static ObjectStoreException localIo(String message, Throwable cause) {
        return new ObjectStoreException(Kind.LOCAL_IO, message, cause);
    }

    static ObjectStoreException integrity(String message) {
        return new ObjectStoreException(Kind.INTEGRITY, message, null);
    }
}
