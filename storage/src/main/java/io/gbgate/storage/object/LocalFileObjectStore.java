package io.gbgate.storage.object;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An {@link ObjectStore} in a local directory, for single-node installs and as the spool before S3.
 *
 * <p>Layout under {@code root}: {@code objects/<key>} holds the content and the hidden file
 * {@code objects/<dir>/.<name>.meta.json} beside it a {@link LocalSidecar} with size, checksum and metadata (key
 * segments never start with a dot, so hidden names cannot collide with keys). A put copies the file into a hidden temporary file in the
 * target directory while digesting it, fsyncs it, writes the sidecar the same way, then renames both into place
 * (the old sidecar is removed first), so a crash leaves either the old object, no object, or the new one: an
 * object whose sidecar is missing or disagrees with the content length is treated as absent. Download URLs are
 * relative paths {@code <urlPrefix><key>} that the gateway serves (see {@link ObjectStore#downloadUrl}).
 */
public final class LocalFileObjectStore implements ObjectStore {

    /** URL path prefix used by {@link #LocalFileObjectStore(Path)}. */
    public static final String DEFAULT_URL_PREFIX = "/files/";

    private static final int COPY_BUFFER = 64 * 1024;
    private static final int LOCK_STRIPES = 64;

    private final Path objects;
    private final String urlPrefix;
    private final Clock clock;
    private final Object[] commitLocks = new Object[LOCK_STRIPES];

    /** A store under {@code root} serving downloads at {@value #DEFAULT_URL_PREFIX}. */
    public LocalFileObjectStore(Path root) {
        this(root, DEFAULT_URL_PREFIX, Clock.systemUTC());
    }

    /**
     * A store under {@code root} (created if missing).
     *
     * @param urlPrefix absolute URL path ending in {@code /} under which the gateway serves the objects
     * @param clock     source of {@link StoredObject#storedAt()}
     */
    public LocalFileObjectStore(Path root, String urlPrefix, Clock clock) {
        if (!urlPrefix.startsWith("/") || !urlPrefix.endsWith("/")) {
            throw new IllegalArgumentException("urlPrefix must start and end with '/': " + urlPrefix);
        }
        Path absolute = root.toAbsolutePath().normalize();
        this.objects = absolute.resolve("objects");
        this.urlPrefix = urlPrefix;
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < LOCK_STRIPES; i++) {
            commitLocks[i] = new Object();
        }
        try {
            Files.createDirectories(objects);
        } catch (IOException e) {
            throw ObjectStoreException.localIo("cannot create object store directories under " + absolute, e);
        }
    }

    @Override
    public StoredObject put(String key, Path file, ObjectMetadata metadata) {
        ObjectKeys.requireValid(key);
        Objects.requireNonNull(metadata, "metadata");
        Path target = contentPath(key);
        Path sidecar = sidecarPath(key);
        Path contentTemp = null;
        Path sidecarTemp = null;
        try {
            Files.createDirectories(target.getParent());
            contentTemp = tempBeside(target);
            FileDigest digest = copyAndDigest(file, contentTemp);
            ObjectMetadata stored = Uploads.checkedMetadata(key, metadata, digest);
            LocalSidecar record = LocalSidecar.of(key, digest, clock.instant(), stored);
            sidecarTemp = tempBeside(sidecar);
            writeSynced(sidecarTemp, record.toJson());
            synchronized (commitLocks[Math.floorMod(key.hashCode(), LOCK_STRIPES)]) {
                Files.deleteIfExists(sidecar);
                move(contentTemp, target);
                contentTemp = null;
                move(sidecarTemp, sidecar);
                sidecarTemp = null;
            }
            syncDirectory(target.getParent());
            return record.toStoredObject();
        } catch (IOException e) {
            throw ObjectStoreException.localIo("cannot store " + key + " from " + file, e);
        } finally {
            deleteQuietly(contentTemp);
            deleteQuietly(sidecarTemp);
        }
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        ObjectKeys.requireValid(key);
        LocalSidecar sidecar;
        StoredObject stored;
        try {
            sidecar = LocalSidecar.fromJson(Files.readAllBytes(sidecarPath(key)));
            stored = sidecar.toStoredObject();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw ObjectStoreException.localIo("unreadable metadata of " + key, e);
        }
        Path content = contentPath(key);
        try {
            if (!key.equals(sidecar.key()) || Files.size(content) != sidecar.size()) {
                return Optional.empty();
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ObjectStoreException.localIo("cannot read size of " + key, e);
        }
        return Optional.of(stored);
    }

    @Override
    public InputStream open(String key) {
        if (stat(key).isEmpty()) {
            throw ObjectStoreException.notFound(key);
        }
        try {
            return Files.newInputStream(contentPath(key));
        } catch (NoSuchFileException e) {
            throw ObjectStoreException.notFound(key);
        } catch (IOException e) {
            throw ObjectStoreException.localIo("cannot open " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        ObjectKeys.requireValid(key);
        try {
            synchronized (commitLocks[Math.floorMod(key.hashCode(), LOCK_STRIPES)]) {
                Files.deleteIfExists(sidecarPath(key));
                Files.deleteIfExists(contentPath(key));
            }
        } catch (IOException e) {
            throw ObjectStoreException.localIo("cannot delete " + key, e);
        }
    }

    /** The relative URL path {@code <urlPrefix><key>}; {@code ttl} is enforced by the gateway's own token. */
    @Override
    public URI downloadUrl(String key, Duration ttl) {
        ObjectKeys.requireValid(key);
        return URI.create(urlPrefix + key);
    }

    /**
     * The key addressed by a URL path produced by {@link #downloadUrl}, for the gateway's file handler.
     *
     * @throws IllegalArgumentException when the path is outside the prefix or names an invalid key
     */
    public String keyOfUrlPath(String urlPath) {
        if (urlPath == null || !urlPath.startsWith(urlPrefix)) {
            throw new IllegalArgumentException("URL path is not under " + urlPrefix);
        }
        return ObjectKeys.requireValid(urlPath.substring(urlPrefix.length()));
    }

    @Override
    public boolean isAvailable() {
        return Files.isDirectory(objects) && Files.isWritable(objects);
    }

    private Path contentPath(String key) {
        Path path = objects.resolve(key).normalize();
        if (!path.startsWith(objects) || path.equals(objects)) {
            throw new IllegalArgumentException("object key escapes the store: " + key);
        }
        return path;
    }

    private Path sidecarPath(String key) {
        Path content = contentPath(key);
        return content.resolveSibling("." + content.getFileName() + ".meta.json");
    }

    private static Path tempBeside(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    private static FileDigest copyAndDigest(Path source, Path destination) throws IOException {
        MessageDigest sha256 = FileDigest.newSha256();
        long expected;
        long copied = 0;
        try (FileChannel in = openSource(source);
             FileChannel out = FileChannel.open(destination, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE)) {
            expected = in.size();
            ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER);
            while (in.read(buffer) > 0) {
                buffer.flip();
                sha256.update(buffer.array(), 0, buffer.limit());
                copied += buffer.limit();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.clear();
            }
            out.force(true);
        }
        if (copied != expected) {
            throw ObjectStoreException.integrity(source + " changed while being stored: size was " + expected
                    + " bytes, read " + copied);
        }
        return new FileDigest(copied, FileDigest.hex(sha256));
    }

    private static FileChannel openSource(Path source) {
        try {
            return FileChannel.open(source, StandardOpenOption.READ);
        } catch (IOException e) {
            throw ObjectStoreException.localIo("cannot read " + source, e);
        }
    }

    private static void writeSynced(Path path, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the renames durable; file systems that cannot open directories are skipped. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not supported on every platform; the data files themselves were forced already.
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // A leftover hidden temp file is harmless: its name is outside the key space.
            }
        }
    }
}
