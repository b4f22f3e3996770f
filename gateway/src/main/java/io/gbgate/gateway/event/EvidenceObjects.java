package io.gbgate.gateway.event;

import io.gbgate.storage.object.ObjectMetadata;
import io.gbgate.storage.object.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Stores evidence images (snapshots, face-hit images) in the object store under {@code <prefix>/<channel>/<uuid>.jpg}. */
public final class EvidenceObjects {
    private final ObjectStore store;
    private final Path tmpDir;

    /** @param tmpDir where the bytes wait while the store reads them */
    public EvidenceObjects(ObjectStore store, Path tmpDir) {
        this.store = store;
        this.tmpDir = tmpDir;
    }

    /** Stores a JPEG and returns its key. */
    public String putJpeg(String prefix, String channelId, byte[] jpeg) {
        String key = prefix + "/" + channelId + "/" + UUID.randomUUID() + ".jpg";
        try {
            Files.createDirectories(tmpDir);
            Path file = Files.createTempFile(tmpDir, "evidence-", ".jpg");
            try {
                Files.write(file, jpeg);
                store.put(key, file, ObjectMetadata.of("image/jpeg"));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not stage evidence image: " + e.getMessage(), e);
        }
        return key;
    }

    /** Removes an object stored by a request that then failed (best effort). */
    public void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException ignored) {
            // an orphan object is harmless; nothing refers to it
        }
    }
}
