package io.gbgate.storage.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behaviour every {@link ObjectStore} must have; subclasses supply the store and how to fetch a download URL.
 */
abstract class ObjectStoreContract {

    static final Duration AWAIT = Duration.ofSeconds(60);
    static final Instant FROM = Instant.parse("2024-05-01T10:00:00Z");
    static final Instant TO = Instant.parse("2024-05-01T10:05:00.250Z");

    @TempDir
    Path work;

    /** A store for the current test; may be the same one for the whole class, keys are per test. */
    abstract ObjectStore store();

    /** Fetches {@code url} (as a client of the store would) and checks it serves {@code content}. */
    abstract void assertDownloadServes(String key, URI url, byte[] content) throws Exception;

    @Test
    void putStatOpenRoundTripWithChecksum() throws IOException {
        byte[] content = randomBytes(300_000, 1);
        Path file = write("clip.mp4", content);

        StoredObject put = store().put("clips/ch1/a.mp4", file, ObjectMetadata.of("video/mp4"));

        assertThat(put.key()).isEqualTo("clips/ch1/a.mp4");
        assertThat(put.size()).isEqualTo(content.length);
        assertThat(put.sha256()).isEqualTo(sha256(content));
        assertThat(put.etag()).isNotBlank();
        assertThat(put.metadata().sha256()).isEqualTo(sha256(content));
        StoredObject stat = store().stat("clips/ch1/a.mp4").orElseThrow();
        assertThat(stat.size()).isEqualTo(content.length);
        assertThat(stat.sha256()).isEqualTo(sha256(content));
        assertThat(stat.etag()).isEqualTo(put.etag());
        assertThat(readAll("clips/ch1/a.mp4")).isEqualTo(content);
        assertThat(file).exists().hasBinaryContent(content);
    }

    @Test
    void metadataRoundTrip() throws IOException {
        Path file = write("m.mp4", randomBytes(1000, 2));
        ObjectMetadata metadata = ObjectMetadata.ofRecording("video/mp4", "34020000001320000001", FROM, TO)
                .withUser("camera-name", "gate-1 north");

        store().put("clips/meta.mp4", file, metadata);

        ObjectMetadata back = store().stat("clips/meta.mp4").orElseThrow().metadata();
        assertThat(back.contentType()).isEqualTo("video/mp4");
        assertThat(back.channelId()).isEqualTo("34020000001320000001");
        assertThat(back.from()).isEqualTo(FROM);
        assertThat(back.to()).isEqualTo(TO);
        assertThat(back.sha256()).isEqualTo(FileDigest.of(file).sha256());
        assertThat(back.user()).containsExactlyEntriesOf(java.util.Map.of("camera-name", "gate-1 north"));
    }

    @Test
    void largeFileRoundTrip() throws IOException {
        byte[] content = randomBytes(11 * 1024 * 1024 + 17, 3);
        Path file = write("big.mp4", content);

        StoredObject put = store().put("clips/big.mp4", file, ObjectMetadata.of("video/mp4"));

        assertThat(put.size()).isEqualTo(content.length);
        assertThat(store().stat("clips/big.mp4").orElseThrow().sha256()).isEqualTo(sha256(content));
        assertThat(readAll("clips/big.mp4")).isEqualTo(content);
    }

    @Test
    void emptyFileRoundTrip() throws IOException {
        Path file = write("empty.bin", new byte[0]);

        StoredObject put = store().put("empty.bin", file, ObjectMetadata.of("application/octet-stream"));

        assertThat(put.size()).isZero();
        assertThat(put.sha256()).isEqualTo(sha256(new byte[0]));
        assertThat(readAll("empty.bin")).isEmpty();
    }

    @Test
    void putReplacesExistingObject() throws IOException {
        store().put("snap/x.jpg", write("one.jpg", randomBytes(500, 4)), ObjectMetadata.of("image/jpeg"));
        byte[] second = randomBytes(700, 5);

        store().put("snap/x.jpg", write("two.jpg", second), ObjectMetadata.of("image/jpeg"));

        assertThat(store().stat("snap/x.jpg").orElseThrow().sha256()).isEqualTo(sha256(second));
        assertThat(readAll("snap/x.jpg")).isEqualTo(second);
    }

    @Test
    void putRejectsContentThatDoesNotMatchTheGivenChecksum() throws IOException {
        Path file = write("c.mp4", randomBytes(100, 6));
        ObjectMetadata wrong = ObjectMetadata.of("video/mp4").withSha256("0".repeat(64));

        assertThatThrownBy(() -> store().put("clips/c.mp4", file, wrong))
                .isInstanceOfSatisfying(ObjectStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(ObjectStoreException.Kind.INTEGRITY));
        assertThat(store().stat("clips/c.mp4")).isEmpty();
    }

    @Test
    void putOfMissingLocalFileIsLocalIoError() {
        assertThatThrownBy(() -> store().put("clips/none.mp4", work.resolve("absent.mp4"),
                ObjectMetadata.of("video/mp4")))
                .isInstanceOfSatisfying(ObjectStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(ObjectStoreException.Kind.LOCAL_IO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs/key", "a/../b", "..", "a//b", "a/./b", ".hidden", "dir/.tmp", "trailing/",
        "with space", "caf\u00e9", "back\\slash", "semi;colon", "new\nline", "q?x=1", "hash#x"})
    void badKeysAreRejectedBeforeAnyIo(String key) throws IOException {
        Path file = write("k.bin", randomBytes(10, 7));

        assertThatThrownBy(() -> store().put(key, file, ObjectMetadata.of("video/mp4")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().stat(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().delete(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().downloadUrl(key, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingObjectIsNotFound() {
        assertThat(store().stat("clips/missing.mp4")).isEmpty();
        assertThatThrownBy(() -> store().open("clips/missing.mp4"))
                .isInstanceOfSatisfying(ObjectStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(ObjectStoreException.Kind.NOT_FOUND));
        store().delete("clips/missing.mp4");
    }

    @Test
    void deleteRemovesTheObject() throws IOException {
        store().put("clips/d.mp4", write("d.mp4", randomBytes(100, 8)), ObjectMetadata.of("video/mp4"));

        store().delete("clips/d.mp4");

        assertThat(store().stat("clips/d.mp4")).isEmpty();
        assertThatThrownBy(() -> store().open("clips/d.mp4")).isInstanceOf(ObjectStoreException.class);
    }

    @Test
    void downloadUrlServesTheBytes() throws Exception {
        byte[] content = randomBytes(50_000, 9);
        store().put("clips/dl.mp4", write("dl.mp4", content), ObjectMetadata.of("video/mp4"));

        URI url = store().downloadUrl("clips/dl.mp4", Duration.ofMinutes(5));

        assertDownloadServes("clips/dl.mp4", url, content);
    }

    @Test
    void isAvailableWhenUp() {
        assertThat(store().isAvailable()).isTrue();
    }

    @Test
    void uploaderStoresConfirmsAndDeletesTheLocalFile() throws Exception {
        byte[] content = randomBytes(40_000, 10);
        Path file = write("up.mp4", content);
        try (RetryingUploader uploader = uploader(store(), RetryingUploader.AfterUpload.DELETE_LOCAL_FILE)) {
            StoredObject stored = uploader.upload("clips/up.mp4", file,
                    ObjectMetadata.ofRecording("video/mp4", "34020000001320000001", FROM, TO))
                    .get(AWAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(stored.sha256()).isEqualTo(sha256(content));
            assertThat(stored.metadata().channelId()).isEqualTo("34020000001320000001");
            assertThat(file).doesNotExist();
            assertThat(uploader.pending()).isEmpty();
        }
        assertThat(readAll("clips/up.mp4")).isEqualTo(content);
    }

    @Test
    void reUploadOfTheSameFileDoesNotSendItAgain() throws Exception {
        Path file = write("again.mp4", randomBytes(20_000, 11));
        StoredObject first;
        try (RetryingUploader uploader = uploader(store(), RetryingUploader.AfterUpload.KEEP_LOCAL_FILE)) {
            first = uploader.upload("clips/again.mp4", file, ObjectMetadata.of("video/mp4"))
                    .get(AWAIT.toSeconds(), TimeUnit.SECONDS);
        }
        CountingObjectStore counting = new CountingObjectStore(store());
        try (RetryingUploader afterCrash = uploader(counting, RetryingUploader.AfterUpload.KEEP_LOCAL_FILE)) {
            StoredObject second = afterCrash.upload("clips/again.mp4", file, ObjectMetadata.of("video/mp4"))
                    .get(AWAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(counting.puts()).isZero();
            assertThat(second.sha256()).isEqualTo(first.sha256());
            assertThat(second.etag()).isEqualTo(first.etag());
            assertThat(second.storedAt()).isEqualTo(first.storedAt());
        }
        assertThat(file).exists();
    }

    @Test
    void reUploadAfterTheLocalFileWasDeletedCompletesFromTheStoredChecksum() throws Exception {
        byte[] content = randomBytes(5_000, 12);
        Path file = write("gone.mp4", content);
        ObjectMetadata metadata = ObjectMetadata.of("video/mp4").withSha256(sha256(content));
        store().put("clips/gone.mp4", file, metadata);
        Files.delete(file);

        try (RetryingUploader uploader = uploader(store(), RetryingUploader.AfterUpload.DELETE_LOCAL_FILE)) {
            StoredObject stored = uploader.upload("clips/gone.mp4", file, metadata)
                    .get(AWAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(stored.sha256()).isEqualTo(sha256(content));
        }
    }

    @Test
    void uploaderFailsAtOnceForAMissingLocalFile() {
        try (RetryingUploader uploader = uploader(store(), RetryingUploader.AfterUpload.DELETE_LOCAL_FILE)) {
            CompletableFuture<StoredObject> result = uploader.upload("clips/nofile.mp4", work.resolve("nofile.mp4"),
                    ObjectMetadata.of("video/mp4"));

            assertThat(result).failsWithin(AWAIT).withThrowableThat()
                    .havingCause().isInstanceOfSatisfying(ObjectStoreException.class,
                            e -> assertThat(e.kind()).isEqualTo(ObjectStoreException.Kind.LOCAL_IO));
            assertThat(uploader.pending()).isEmpty();
        }
    }

    static RetryingUploader uploader(ObjectStore store, RetryingUploader.AfterUpload afterUpload) {
        RetryPolicy fast = new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(400), 2.0, 0.2, 0);
        return new RetryingUploader(store, fast, 2, afterUpload);
    }

    Path write(String name, byte[] content) throws IOException {
        return Files.write(work.resolve(name), content);
    }

    byte[] readAll(String key) throws IOException {
        try (InputStream in = store().open(key)) {
            return in.readAllBytes();
        }
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
