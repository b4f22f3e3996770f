package io.gbgate.storage.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The object store contract against a real S3 server (s3proxy, in process on 127.0.0.1), plus what only S3 has:
 * bucket creation, presigned URLs, error kinds and an outage during uploads.
 */
class S3ObjectStoreTest extends ObjectStoreContract {

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static InProcessS3Server server;

    private S3ObjectStore store;

    @BeforeAll
    static void startServer() {
        server = InProcessS3Server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openStore() {
        store = server.store("gbgate-test-" + BUCKETS.incrementAndGet());
    }

    @Override
    ObjectStore store() {
        return store;
    }

    @Override
    void assertDownloadServes(String key, URI url, byte[] content) throws Exception {
        assertThat(url.getScheme()).isEqualTo("http");
        assertThat(url.getRawQuery()).contains("X-Amz-Signature=");
        HttpResponse<byte[]> response = get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(content);

        URI tampered = URI.create(url.toString().replace("X-Amz-Signature=", "X-Amz-Signature=0"));
        assertThat(get(tampered).statusCode()).isEqualTo(403);
    }

    @Test
    void bucketIsCreatedWhenMissing() throws Exception {
        assertThat(server.blobStore().containerExists(store.bucket())).isFalse();
        assertThat(store.isAvailable()).isTrue();

        store.put("first.bin", write("first.bin", randomBytes(10, 30)), ObjectMetadata.of("video/mp4"));

        assertThat(server.blobStore().containerExists(store.bucket())).isTrue();
        S3ObjectStore secondClient = server.store(store.bucket());
        assertThat(secondClient.stat("first.bin")).isPresent();
    }

    @Test
    void wrongCredentialsAreRefused() throws Exception {
        store.put("guarded.bin", write("g.bin", randomBytes(10, 31)), ObjectMetadata.of("video/mp4"));
        S3ObjectStore intruder = new S3ObjectStore(server.endpoint(), InProcessS3Server.ACCESS_KEY, "wrong-secret",
                store.bucket(), InProcessS3Server.REGION);

        assertThatThrownBy(() -> intruder.open("guarded.bin"))
                .isInstanceOfSatisfying(ObjectStoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ObjectStoreException.Kind.REFUSED);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("403");
                });
    }

    @Test
    void unreachableEndpointIsUnavailable() throws Exception {
        S3ObjectStore nowhere = new S3ObjectStore("http://127.0.0.1:" + closedPort(), InProcessS3Server.ACCESS_KEY,
                InProcessS3Server.SECRET_KEY, "any-bucket", InProcessS3Server.REGION);
        Path file = write("n.bin", randomBytes(10, 32));

        assertThat(nowhere.isAvailable()).isFalse();
        assertThatThrownBy(() -> nowhere.stat("n.bin"))
                .isInstanceOfSatisfying(ObjectStoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ObjectStoreException.Kind.UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                });
        assertThatThrownBy(() -> nowhere.put("n.bin", file, ObjectMetadata.of("video/mp4")))
                .isInstanceOfSatisfying(ObjectStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(ObjectStoreException.Kind.UNAVAILABLE));
    }

    @Test
    void bigFilesGoUpAsMultipartUploads() throws Exception {
        byte[] content = randomBytes(11 * 1024 * 1024, 35);

        StoredObject stored = store.put("clips/multi.mp4", write("multi.mp4", content), ObjectMetadata.of("video/mp4"));

        assertThat(stored.etag()).as("multipart ETag carries the part count").endsWith("-3");
        assertThat(stored.sha256()).isEqualTo(sha256(content));
    }

    @Test
    void uploaderGivesUpAfterMaxAttemptsAndKeepsTheFile() throws Exception {
        S3ObjectStore nowhere = new S3ObjectStore("http://127.0.0.1:" + closedPort(), InProcessS3Server.ACCESS_KEY,
                InProcessS3Server.SECRET_KEY, "any-bucket", InProcessS3Server.REGION);
        Path file = write("limited.mp4", randomBytes(100, 36));
        RetryPolicy threeTries = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(40), 2.0, 0.0, 3);
        try (RetryingUploader uploader = new RetryingUploader(nowhere, threeTries, 1,
                RetryingUploader.AfterUpload.DELETE_LOCAL_FILE)) {
            CompletableFuture<StoredObject> result = uploader.upload("clips/limited.mp4", file,
                    ObjectMetadata.of("video/mp4"));

            assertThat(result).failsWithin(AWAIT).withThrowableThat().havingCause()
                    .isInstanceOfSatisfying(ObjectStoreException.class,
                            e -> assertThat(e.kind()).isEqualTo(ObjectStoreException.Kind.UNAVAILABLE));
            assertThat(file).exists();
        }
    }

    @Test
    void presignedUrlLifetimeIsBounded() {
        assertThatThrownBy(() -> store.downloadUrl("a.mp4", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.downloadUrl("a.mp4", Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uploadsWaitOutAnOutageAndKeepTheLocalFileUntilConfirmed() throws Exception {
        byte[] content = randomBytes(200_000, 33);
        Path file = write("outage.mp4", content);
        Path other = write("other.mp4", randomBytes(10, 34));
        server.pause();
        try (RetryingUploader uploader = uploader(store, RetryingUploader.AfterUpload.DELETE_LOCAL_FILE)) {
            CompletableFuture<StoredObject> result;
            try {
                assertThat(store.isAvailable()).isFalse();
                result = uploader.upload("clips/outage.mp4", file,
                        ObjectMetadata.ofRecording("video/mp4", "34020000001320000001", FROM, TO));

                awaitAttempts(uploader, 3);
                PendingUpload pending = uploader.pending().get(0);
                assertThat(pending.key()).isEqualTo("clips/outage.mp4");
                assertThat(pending.lastError()).contains("UNAVAILABLE");
                assertThat(result).isNotDone();
                assertThat(file).exists();
                assertThat(uploader.upload("clips/outage.mp4", file, ObjectMetadata.of("video/mp4")))
                        .isSameAs(result);
                assertThat(uploader.upload("clips/outage.mp4", other, ObjectMetadata.of("video/mp4")))
                        .failsWithin(AWAIT).withThrowableThat().havingCause()
                        .isInstanceOf(IllegalStateException.class);
            } finally {
                server.resume();
            }

            StoredObject stored = result.get(AWAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(stored.sha256()).isEqualTo(sha256(content));
            assertThat(stored.metadata().channelId()).isEqualTo("34020000001320000001");
            assertThat(store.stat("clips/outage.mp4").orElseThrow().size()).isEqualTo(content.length);
            assertThat(file).doesNotExist();
            assertThat(other).exists();
            assertThat(uploader.pending()).isEmpty();
        }
    }

    private static void awaitAttempts(RetryingUploader uploader, int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (uploader.pending().isEmpty() || uploader.pending().get(0).attempts() < attempts) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("upload made fewer than " + attempts + " attempts: " + uploader.pending());
            }
            Thread.sleep(20);
        }
    }

    private static HttpResponse<byte[]> get(URI url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
