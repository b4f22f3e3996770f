package io.gbgate.storage.object;

/** Checks shared by the stores' {@code put}. */
final class Uploads {

    private Uploads() {
    }

    /**
     * The metadata to store for content with the given digest.
     *
     * @throws ObjectStoreException of kind {@code INTEGRITY} when the caller's expected checksum differs
     */
    static ObjectMetadata checkedMetadata(String key, ObjectMetadata metadata, FileDigest digest) {
        if (metadata.sha256() != null && !metadata.sha256().equals(digest.sha256())) {
            throw ObjectStoreException.integrity("content of " + key + " has SHA-256 " + digest.sha256()
                    + " but the metadata expects " + metadata.sha256());
        }
        return metadata.withSha256(digest.sha256());
    }
}
