package io.gbgate.storage.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object store contract on a local directory, plus its file layout and crash behaviour. */
class LocalFileObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path root;

    private LocalFileObjectStore store;

    @BeforeEach
    void openStore() {
        store = new LocalFileObjectStore(root);
    }

    @Override
    ObjectStore store() {
        return store;
    }

    /** The local store's URL is the gateway's path; resolving it back must address the same bytes. */
    @Override
    void assertDownloadServes(String key, URI url, byte[] content) throws IOException {
        assertThat(url.isAbsolute()).isFalse();
        assertThat(url.getPath()).isEqualTo("/files/" + key);
        String served = store.keyOfUrlPath(url.getPath());
        try (InputStream in = store.open(served)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void urlPathsOutsideThePrefixOrWithBadKeysAreRejected() {
        assertThatThrownBy(() -> store.keyOfUrlPath("/other/clips/a.mp4"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.keyOfUrlPath("/files/../secret"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.keyOfUrlPath("/files/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sidecarJsonHoldsChecksumAndMetadata() throws IOException {
        Path file = write("s.mp4", randomBytes(321, 20));
        store.put("clips/ch/s.mp4", file, ObjectMetadata.ofRecording("video/mp4", "3402", FROM, TO));

        JsonNode sidecar = new ObjectMapper().readTree(root.resolve("objects/clips/ch/.s.mp4.meta.json").toFile());

        assertThat(sidecar.get("size").asLong()).isEqualTo(321);
        assertThat(sidecar.get("sha256").asText()).isEqualTo(FileDigest.of(file).sha256());
        assertThat(sidecar.get("contentType").asText()).isEqualTo("video/mp4");
        assertThat(sidecar.get("metadata").get("channel-id").asText()).isEqualTo("3402");
        assertThat(sidecar.get("metadata").get("from").asText()).isEqualTo(FROM.toString());
        assertThat(root.resolve("objects/clips/ch/s.mp4")).hasSameBinaryContentAs(file);
    }

    @Test
    void putLeavesNoTemporaryFilesBehind() throws IOException {
        store.put("clips/t.mp4", write("t.mp4", randomBytes(1000, 21)), ObjectMetadata.of("video/mp4"));

        try (Stream<Path> files = Files.list(root.resolve("objects/clips"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("t.mp4", ".t.mp4.meta.json");
        }
    }

    @Test
    void contentWithoutSidecarCountsAsAbsent() throws IOException {
        store.put("clips/half.mp4", write("h.mp4", randomBytes(100, 22)), ObjectMetadata.of("video/mp4"));
        Files.delete(root.resolve("objects/clips/.half.mp4.meta.json"));

        assertThat(store.stat("clips/half.mp4")).isEmpty();
        assertThatThrownBy(() -> store.open("clips/half.mp4")).isInstanceOf(ObjectStoreException.class);
    }

    @Test
    void contentOfTheWrongLengthCountsAsAbsent() throws IOException {
        store.put("clips/cut.mp4", write("c.mp4", randomBytes(100, 23)), ObjectMetadata.of("video/mp4"));
        Files.write(root.resolve("objects/clips/cut.mp4"), randomBytes(60, 24));

        assertThat(store.stat("clips/cut.mp4")).isEmpty();
    }

    @Test
    void corruptSidecarIsALocalIoError() throws IOException {
        store.put("clips/bad.mp4", write("b.mp4", randomBytes(100, 25)), ObjectMetadata.of("video/mp4"));
        Files.writeString(root.resolve("objects/clips/.bad.mp4.meta.json"), "{not json");

        assertThatThrownBy(() -> store.stat("clips/bad.mp4"))
                .isInstanceOfSatisfying(ObjectStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(ObjectStoreException.Kind.LOCAL_IO));
    }

    @Test
    void downloadUrlIgnoresTtlAndUsesTheConfiguredPrefix() {
        LocalFileObjectStore prefixed = new LocalFileObjectStore(root, "/media/", java.time.Clock.systemUTC());

        assertThat(prefixed.downloadUrl("a/b.mp4", Duration.ofSeconds(1))).isEqualTo(URI.create("/media/a/b.mp4"));
        assertThatThrownBy(() -> new LocalFileObjectStore(root, "files", java.time.Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
