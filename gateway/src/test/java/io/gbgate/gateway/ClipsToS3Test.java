package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.sip.stack.SipTransport;
import io.gbgate.storage.clip.ClipRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 5 with S3 as the object store (a real S3 server on 127.0.0.1): clips are uploaded with channel, time and
 * checksum metadata and download through presigned URLs; while the store is down a clip is ready on local disk
 * and its upload retried; when the store is back it is stored once.
 */
class ClipsToS3Test extends GatewayTestBase {
    private static final String BUCKET = "gbgate-clips";
    private static S3TestServer s3;

    @Autowired
    private ClipRepository clips;
    @Autowired
    private GbgateProperties props;

    @DynamicPropertySource
    static void s3Properties(DynamicPropertyRegistry registry) {
        s3 = S3TestServer.start();
        registry.add("gbgate.object-store.type", () -> "s3");
        registry.add("gbgate.object-store.endpoint", s3::endpoint);
        registry.add("gbgate.object-store.access-key", () -> S3TestServer.ACCESS_KEY);
        registry.add("gbgate.object-store.secret-key", () -> S3TestServer.SECRET_KEY);
        registry.add("gbgate.object-store.bucket", () -> BUCKET);
        registry.add("gbgate.object-store.region", () -> S3TestServer.REGION);
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void clipsAreStoredInS3AndQueuedWhileItIsDown() throws Exception {
        String[] ids = newIds();
        String channel = ids[1];
        camera(deviceConfig(ids[0], channel, PASSWORD, SipTransport.UDP), testPattern("s3", 320, 240));
        Instant start = Instant.now();
        api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"always\"}");
        String window = "?from=" + start.minusSeconds(60) + "&to=" + start.plusSeconds(600);
        Awaiting.until(Duration.ofSeconds(40), "8 s recorded", () -> {
            JsonNode ranges = api().get("/api/channels/" + channel + "/recordings" + window).json().get("ranges");
            return ranges.size() == 1 && Duration.between(Instant.parse(ranges.get(0).get("from").asText()),
                    Instant.parse(ranges.get(0).get("to").asText())).toSeconds() >= 8;
        });
        Instant recordedFrom = Instant.parse(api().get("/api/channels/" + channel + "/recordings" + window).json()
                .get("ranges").get(0).get("from").asText());

        // store up: uploaded with metadata, presigned download matches the checksum
        String first = submit(channel, recordedFrom.plusSeconds(1), recordedFrom.plusSeconds(4));
        Awaiting.until(Duration.ofSeconds(30), "first clip stored", () -> clip(first).get("stored").asBoolean());
        JsonNode stored = clip(first);
        String key = stored.get("objectKey").asText();
        assertThat(s3.keys(BUCKET, "clips/" + channel + "/")).containsExactly(key);
        Map<String, String> metadata = s3.userMetadata(BUCKET, key);
        assertThat(metadata).containsEntry("channel-id", channel)
                .containsEntry("from", stored.get("from").asText()).containsEntry("to", stored.get("to").asText())
                .containsEntry("sha256", stored.get("sha256").asText());
        String url = stored.get("downloadUrl").asText();
        assertThat(url).startsWith(s3.endpoint()).contains("X-Amz-Signature");
        assertThat(sha256(download(url))).isEqualTo(stored.get("sha256").asText());

        // store down: the clip is ready locally, the upload is retried, the local file stays
        s3.pause();
        String second;
        try {
            second = submit(channel, recordedFrom.plusSeconds(2), recordedFrom.plusSeconds(6));
            Awaiting.until(Duration.ofSeconds(40), "second clip ready, upload retrying", () -> {
                JsonNode c = clip(second);
                return "ready".equals(c.get("state").asText()) && c.get("uploadAttempts").asInt() >= 2;
            });
            JsonNode waiting = clip(second);
            assertThat(waiting.get("stored").asBoolean()).isFalse();
            assertThat(waiting.hasNonNull("downloadUrl")).isFalse();
            assertThat(waiting.get("uploadError").asText()).isNotBlank();
            Path local = props.dataDir().resolve(clips.find(second).orElseThrow().localPath());
            assertThat(local).isRegularFile();
            assertThat(sha256(Files.readAllBytes(local))).isEqualTo(waiting.get("sha256").asText());
        } finally {
            s3.resume();
        }

        // store back on the same port: stored once, checksum verified, local copy removed after confirmation
        Awaiting.until(Duration.ofSeconds(60), "second clip stored after the outage",
                () -> clip(second).get("stored").asBoolean());
        JsonNode after = clip(second);
        assertThat(s3.keys(BUCKET, "clips/" + channel + "/")).hasSize(2).contains(after.get("objectKey").asText());
        assertThat(s3.userMetadata(BUCKET, after.get("objectKey").asText()))
                .containsEntry("sha256", after.get("sha256").asText());
        assertThat(sha256(download(after.get("downloadUrl").asText()))).isEqualTo(after.get("sha256").asText());
        assertThat(after.get("uploadAttempts").asInt()).isZero();
        api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"off\"}");
    }

    private String submit(String channel, Instant from, Instant to) {
        ApiClient.Response created = api().post("/api/clips", "{\"channelId\":\"" + channel + "\",\"from\":\"" + from
                + "\",\"to\":\"" + to + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        return created.json().get("clipId").asText();
    }

    private JsonNode clip(String id) {
        return api().get("/api/clips/" + id).json();
    }

    static byte[] download(String absoluteUrl) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(absoluteUrl)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", absoluteUrl).isEqualTo(200);
        return response.body();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
