package io.gbgate.storage.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectMetadataTest {

    private static final Instant FROM = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant TO = Instant.parse("2024-05-01T10:05:00.123456789Z");
    private static final String SHA = "ab".repeat(32);

    @Test
    void headersRoundTripEveryField() {
        ObjectMetadata metadata = ObjectMetadata.ofRecording("video/mp4", "34020000001320000001", FROM, TO)
                .withSha256(SHA).withUser("camera-name", "gate 1");

        Map<String, String> headers = metadata.toHeaders();

        assertThat(headers).containsEntry("channel-id", "34020000001320000001")
                .containsEntry("from", "2024-05-01T10:00:00Z")
                .containsEntry("to", "2024-05-01T10:05:00.123456789Z")
                .containsEntry("sha256", SHA)
                .containsEntry("camera-name", "gate 1");
        assertThat(ObjectMetadata.fromHeaders("video/mp4", headers)).isEqualTo(metadata);
    }

    @Test
    void readingHeadersIgnoresCaseAndForeignEntries() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Channel-Id", "7");
        headers.put("SHA256", SHA);
        headers.put("X_Weird Name", "dropped");

        ObjectMetadata metadata = ObjectMetadata.fromHeaders("image/jpeg", headers);

        assertThat(metadata.channelId()).isEqualTo("7");
        assertThat(metadata.sha256()).isEqualTo(SHA);
        assertThat(metadata.user()).isEmpty();
    }

    @Test
    void malformedWellKnownHeadersAreRejected() {
        assertThatThrownBy(() -> ObjectMetadata.fromHeaders("video/mp4", Map.of("from", "yesterday")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> ObjectMetadata.fromHeaders("video/mp4", Map.of("sha256", "XYZ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidFieldsAreRejected() {
        assertThatThrownBy(() -> ObjectMetadata.ofRecording("video/mp4", "1", TO, FROM))
                .hasMessageContaining("before");
        assertThatThrownBy(() -> ObjectMetadata.of("video/mp4").withSha256("AB".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectMetadata.of("video/mp4").withUser("sha256", "x"))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> ObjectMetadata.of("video/mp4").withUser("Upper", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectMetadata.of("video/mp4").withUser("name", "caf\u00e9"))
                .hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> ObjectMetadata.of("video/mp4\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObjectMetadata.of(null)).isInstanceOf(NullPointerException.class);
    }
}
