package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.sip.stack.SipTransport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** HTTP-FLV and WebSocket-FLV of a simulated camera, fetched over loopback and decoded with FFmpeg. */
class FlvPlayTest extends GatewayTestBase {
    private static final int FLV_BYTES = 48 * 1024;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void httpFlvDecodesAtTheCameraResolution() throws Exception {
        JsonNode play = play();
        String flvPath = play.get("flv").asText();
        assertThat(flvPath).startsWith("/flv/" + play.get("streamId").asText() + ".flv?token=");

        HttpResponse<InputStream> response = http.send(request(flvPath), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/x-flv");
        byte[] flv;
        try (InputStream body = response.body()) {
            flv = body.readNBytes(FLV_BYTES);
        }
        assertThat(flv).hasSize(FLV_BYTES);
        assertThat(new String(flv, 0, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("FLV");
        FlvProbe.Result decoded = FlvProbe.decode(flv);
        assertThat(decoded.frames()).isGreaterThanOrEqualTo(10);
        assertThat(decoded.width()).isEqualTo(320);
        assertThat(decoded.height()).isEqualTo(240);
        stop(play);
    }

    @Test
    void webSocketFlvDecodesAtTheCameraResolution() throws Exception {
        JsonNode play = play();
        String wsPath = play.get("wsflv").asText();
        assertThat(wsPath).startsWith("/wsflv/" + play.get("streamId").asText() + "?token=");

        FlvCollector collector = new FlvCollector(FLV_BYTES);
        WebSocket socket = http.newWebSocketBuilder().buildAsync(webSocketUri(wsPath), collector)
                .get(10, TimeUnit.SECONDS);
        byte[] flv = collector.done.get(30, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "enough").get(10, TimeUnit.SECONDS);

        assertThat(collector.messages.get()).isGreaterThan(10);
        FlvProbe.Result decoded = FlvProbe.decode(flv);
        assertThat(decoded.frames()).isGreaterThanOrEqualTo(10);
        assertThat(decoded.width()).isEqualTo(320);
        assertThat(decoded.height()).isEqualTo(240);
        stop(play);
    }

    @Test
    void webSocketFlvIsClosedGoingAwayWhenTheStreamEnds() throws Exception {
        JsonNode play = play();
        FlvCollector collector = new FlvCollector(Integer.MAX_VALUE);
        http.newWebSocketBuilder().buildAsync(webSocketUri(play.get("wsflv").asText()), collector)
                .get(10, TimeUnit.SECONDS);
        Awaiting.until(Duration.ofSeconds(10), "FLV messages arriving", () -> collector.messages.get() > 2);
        stop(play);
        assertThat(collector.closedWith.get(10, TimeUnit.SECONDS)).startsWith("1001 ");
    }

    @Test
    void badTokenIs401AndUnknownStreamIs404() throws Exception {
        JsonNode play = play();
        String streamId = play.get("streamId").asText();
        String goodFlv = play.get("flv").asText();
        String token = goodFlv.substring(goodFlv.indexOf("?token=") + 7);

        assertThat(status("/flv/" + streamId + ".flv?token=1.forged.AAAA")).isEqualTo(401);
        assertThat(status("/flv/" + streamId + ".flv")).isEqualTo(401);
        assertThat(status("/flv/no-such-stream.flv?token=" + token)).isEqualTo(401); // the token is per stream
        assertThat(handshakeStatus("/wsflv/" + streamId + "?token=1.forged.AAAA")).isEqualTo(401);

        stop(play);
        // the stream ended: its still valid token now finds no stream
        assertThat(status(goodFlv)).isEqualTo(404);
        assertThat(handshakeStatus(play.get("wsflv").asText())).isEqualTo(404);
    }

    private JsonNode play() throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("flv", 320, 240));
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        return play.json();
    }

    private void stop(JsonNode play) {
        assertThat(api().delete("/api/channels/" + play.get("channelId").asText() + "/play").status()).isEqualTo(204);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    private URI webSocketUri(String path) {
        return URI.create("ws://127.0.0.1:" + httpPort + path);
    }

    private int status(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int handshakeStatus(String path) {
        try {
            http.newWebSocketBuilder().buildAsync(webSocketUri(path), new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS).abort();
            throw new AssertionError("WebSocket to " + path + " opened");
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Collects binary messages until it has {@code wanted} bytes. */
    private static final class FlvCollector implements WebSocket.Listener {
        final CompletableFuture<byte[]> done = new CompletableFuture<>();
        final AtomicInteger messages = new AtomicInteger();
        final CompletableFuture<String> closedWith = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int wanted;

        FlvCollector(int wanted) {
            this.wanted = wanted;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            bytes.write(part, 0, part.length);
            if (last) {
                messages.incrementAndGet();
            }
            if (bytes.size() >= wanted) {
                done.complete(bytes.toByteArray());
            } else {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            done.completeExceptionally(error);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith.complete(statusCode + " " + reason);
            done.completeExceptionally(new CompletionException(
                    new IllegalStateException("closed by the gateway: " + statusCode + " " + reason)));
            return null;
        }
    }
}
