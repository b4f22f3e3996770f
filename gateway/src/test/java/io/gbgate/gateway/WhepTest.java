package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.sip.stack.SipTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** WHEP signalling over real HTTP: offer, answer, session URL, DELETE, and the ways to be refused. */
class WhepTest extends GatewayTestBase {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void offerWithTheMediaTokenGetsAnAnswerAndDeleteEndsTheSession() throws Exception {
        JsonNode play = play();
        String streamId = play.get("streamId").asText();
        String whep = play.get("whep").asText();
        assertThat(whep).startsWith("/whep/" + streamId + "?token=");

        HttpResponse<String> created = post(whep, chromiumOffer(), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/sdp"));
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/whep/" + streamId + "/[0-9a-z]+");
        String answer = created.body();
        assertThat(answer).startsWith("v=0").contains("a=ice-ufrag:", "a=ice-pwd:", "a=fingerprint:sha-256 ",
                "a=setup:passive", "a=ice-lite", "a=candidate:", " 127.0.0.1 ", "H264");

        String token = whep.substring(whep.indexOf("?token="));
        assertThat(send(HttpRequest.newBuilder(uri(location + token)).DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(uri(location + token)).DELETE()).statusCode()).isEqualTo(404);
        stop(play);
    }

    @Test
    void theApiBearerTokenAlsoAuthorizes() throws Exception {
        JsonNode play = play();
        String streamId = play.get("streamId").asText();
        HttpResponse<String> created = post("/whep/" + streamId, chromiumOffer(), TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(send(HttpRequest.newBuilder(uri(location)).header("Authorization", "Bearer " + TOKEN).DELETE())
                .statusCode()).isEqualTo(204);
        stop(play);
    }

    @Test
    void refusals() throws Exception {
        JsonNode play = play();
        String streamId = play.get("streamId").asText();
        String whep = play.get("whep").asText();

        assertThat(post("/whep/" + streamId, chromiumOffer(), null).statusCode()).isEqualTo(401);
        assertThat(post("/whep/" + streamId, chromiumOffer(), "wrong-token").statusCode()).isEqualTo(401);
        assertThat(post("/whep/" + streamId + "?token=1.forged.AAAA", chromiumOffer(), null).statusCode())
                .isEqualTo(401);
        assertThat(post(whep, "v=0\r\nthis is no offer\r\n", null).statusCode()).isEqualTo(400);
        assertThat(post(whep, chromiumOffer().replaceAll("a=ice-ufrag:[^\r\n]+\r\n", ""), null).statusCode())
                .isEqualTo(400);
        assertThat(post("/whep/no-such-stream", chromiumOffer(), TOKEN).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri("/whep/" + streamId + "/no-such-session"))
                .header("Authorization", "Bearer " + TOKEN).DELETE()).statusCode()).isEqualTo(404);
        stop(play);
    }

    private JsonNode play() throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("whep", 320, 240));
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        return play.json();
    }

    private void stop(JsonNode play) {
        assertThat(api().delete("/api/channels/" + play.get("channelId").asText() + "/play").status()).isEqualTo(204);
    }

    private HttpResponse<String> post(String path, String sdp, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(sdp));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    static String chromiumOffer() throws IOException {
        try (InputStream in = WhepTest.class.getResourceAsStream("chromium-whep-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
