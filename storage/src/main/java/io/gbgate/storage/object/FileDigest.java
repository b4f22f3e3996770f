package io.gbgate.storage.object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Length and SHA-256 of some content.
 *
 * @param size   content length in bytes
 * @param sha256 lower-case hex SHA-256
 */
public record FileDigest(long size, String sha256) {

    private static final int BUFFER_SIZE = 64 * 1024;

    /** Checks the invariants. */
    public FileDigest {
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }

    /**
     * Reads a whole file once and digests it.
     *
     * @throws ObjectStoreException of kind {@link ObjectStoreException.Kind#LOCAL_IO} when it cannot be read
     */
    public static FileDigest of(Path file) {
        MessageDigest digest = newSha256();
        long size = 0;
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw ObjectStoreException.localIo("cannot read " + file, e);
        }
        return new FileDigest(size, hex(digest));
    }

    /** A fresh SHA-256 message digest (always present on a Java platform). */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the Java platform", e);
        }
    }

    /** Lower-case hex of the digest's result (resets the digest). */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
