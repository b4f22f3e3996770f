package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.media.codec.DecodedVideo;
import io.gbgate.media.webrtc.TestPacketLink;
import io.gbgate.sip.stack.SipTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WHEP end to end with a Java browser stand-in: the offer goes over HTTP, then ICE (STUN with
 * USE-CANDIDATE) and DTLS run against the gateway's WebRTC UDP port, or its ICE-TCP port as a
 * browser behind a UDP-blocking network would, SRTP is decrypted, H.264 is depacketized and FFmpeg
 * decodes the simulated camera's pictures.
 */
class WhepMediaTest extends GatewayTestBase {
    private static final int ACCESS_UNITS = 40;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest(name = "over {0}")
    @EnumSource(WhepTestLink.Kind.class)
    void browserStandInDecodesTheCameraOverWhep(WhepTestLink.Kind transport) throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("whep-media", 320, 240));
        ApiClient.Response played = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(played.status()).as(played.body()).isEqualTo(200);
        JsonNode play = played.json();
        String whep = play.get("whep").asText();

        WhepTestClient.Identity browser = WhepTestClient.Identity.generate();
        String offer = WhepH264Viewer.offer(browser);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri(whep))
                .header("Content-Type", "application/sdp").POST(HttpRequest.BodyPublishers.ofString(offer))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String answer = created.body();
        int port = WhepTestLink.candidatePort(answer, transport);

        try (TestPacketLink link = WhepTestLink.open(transport, port)) {
            byte[] annexB = WhepH264Viewer.receive(browser, offer, answer, link, ACCESS_UNITS);
            DecodedVideo decoded = DecodedVideo.of(annexB, "h264");
            assertThat(decoded.pictures()).as("decoded pictures").isGreaterThanOrEqualTo(ACCESS_UNITS / 2);
            assertThat(decoded.width()).isEqualTo(320);
            assertThat(decoded.height()).isEqualTo(240);

            // DELETE while the link is still open: over ICE-TCP, closing the connection ends the session itself
            String location = created.headers().firstValue("Location").orElseThrow();
            String token = whep.substring(whep.indexOf("?token="));
            assertThat(http.send(HttpRequest.newBuilder(uri(location + token)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
        }
        assertThat(api().delete("/api/channels/" + ids[1] + "/play").status()).isEqualTo(204);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }
}
