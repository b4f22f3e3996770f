package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.simulator.SimulatedCamera;
import io.gbgate.sip.device.MediaAnswer;
import io.gbgate.sip.device.MediaOffer;
import io.gbgate.sip.device.MediaSession;
import io.gbgate.sip.device.MediaSessionFactory;
import io.gbgate.sip.sdp.GbTransport;
import io.gbgate.sip.stack.SipTransport;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 3: every transport, the UDP-to-TCP fallback, device SSRCs, on-demand viewers, real RTP over TCP. */
class TransportsAndLifecycleTest extends GatewayTestBase {
    private MediaSessionFactory camera(String name) {
        return SimulatedCamera.mediaFactory(testPattern(name, 320, 240), mediaEventLoops, "127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp-passive", "tcp-active"})
    void playsOverEachTransport(String transport) throws Exception {
        String[] ids = device(camera(transport));
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play?transport=" + transport);
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        assertThat(play.json().get("transport").asText()).isEqualTo(transport);
        HlsProbe.Result hls = HlsProbe.play(api(), play.json().get("hls").asText(), 25, Duration.ofSeconds(30));
        assertThat(hls.width()).isEqualTo(320);
        JsonNode stream = api().get("/api/streams/" + play.json().get("streamId").asText()).json();
        assertThat(stream.get("transport").asText()).isEqualTo(transport);
        assertThat(stream.get("codec").asText()).isEqualTo("H264");
        assertThat(stream.get("width").asInt()).isEqualTo(320);
        assertThat(stream.get("height").asInt()).isEqualTo(240);
        assertThat(stream.get("rtpPackets").asLong()).isPositive();
        assertThat(stream.get("rtpLost").asLong()).isZero();
        assertThat(stream.get("viewers").asInt()).isEqualTo(1);
        api().delete("/api/channels/" + ids[1] + "/play");
    }

    @Test
    void unknownTransportIsABadRequest() throws Exception {
        String[] ids = device(camera("bad-transport"));
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play?transport=sctp");
        assertThat(play.status()).isEqualTo(400);
        assertThat(play.json().get("message").asText()).contains("tcp-passive");
    }

    @Test
    void udpWithoutRtpFallsBackToTcpPassiveAndSaysSo() throws Exception {
        MediaSessionFactory real = camera("fallback");
        AtomicInteger udpOffers = new AtomicInteger();
        String[] ids = device(offer -> {
            if (offer.transport() == GbTransport.UDP) {
                udpOffers.incrementAndGet(); // behind a firewall that eats UDP: accepts, nothing arrives
                return CompletableFuture.completedFuture(new Silent(new MediaAnswer("127.0.0.1", 40000, offer.ssrc())));
            }
            return real.open(offer);
        });
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        JsonNode body = play.json();
        assertThat(udpOffers).hasValue(1);
        assertThat(body.get("transport").asText()).isEqualTo("tcp-passive");
        assertThat(body.get("previousAttempts").get(0).get("transport").asText()).isEqualTo("udp");
        assertThat(body.get("previousAttempts").get(0).get("outcome").asText()).contains("no RTP over UDP");
        api().delete("/api/channels/" + ids[1] + "/play");
    }

    @Test
    void deviceThatStreamsWithItsOwnSsrcIsFollowed() throws Exception {
        String deviceSsrc = "0100009876";
        MediaSessionFactory real = camera("own-ssrc");
        String[] ids = device(offer -> real.open(new MediaOffer(offer.callId(), offer.channelId(), offer.targetIp(),
                offer.targetPort(), deviceSsrc, offer.transport(), offer.sdp(), offer.subject(), offer.purpose(),
                offer.start(), offer.stop(), offer.downloadSpeed())));
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play?transport=udp");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        JsonNode stream = api().get("/api/streams/" + play.json().get("streamId").asText()).json();
        assertThat(stream.get("deviceSsrc").asText()).isEqualTo(deviceSsrc);
        assertThat(stream.get("offeredSsrc").asText()).isNotEqualTo(deviceSsrc);
        assertThat(stream.get("firstRtpSsrc").asLong()).isEqualTo(Long.parseLong(deviceSsrc));
        api().delete("/api/channels/" + ids[1] + "/play");
    }

    @Test
    void viewersShareOneInviteAndTheLastOneLeavingEndsTheStreamAfterTheGracePeriod() throws Exception {
        MediaSessionFactory real = camera("viewers");
        AtomicInteger invites = new AtomicInteger();
        AtomicInteger stops = new AtomicInteger();
        String[] ids = device(offer -> {
            invites.incrementAndGet();
            return real.open(offer).thenApply(session -> new Counting(session, stops));
        });
        JsonNode first = api().post("/api/channels/" + ids[1] + "/play").json();
        JsonNode second = api().post("/api/channels/" + ids[1] + "/play").json();
        String streamId = first.get("streamId").asText();
        assertThat(second.get("streamId").asText()).isEqualTo(streamId);
        assertThat(second.get("viewerId").asText()).isNotEqualTo(first.get("viewerId").asText());
        assertThat(invites).hasValue(1);
        assertThat(api().get("/api/streams/" + streamId).json().get("viewers").asInt()).isEqualTo(2);

        String leave = "/api/channels/" + ids[1] + "/play?viewerId=";
        assertThat(api().delete(leave + first.get("viewerId").asText()).status()).isEqualTo(204);
        assertThat(api().delete(leave + second.get("viewerId").asText()).status()).isEqualTo(204);
        assertThat(api().delete(leave + "nobody").status()).isEqualTo(404);
        // within the grace period a returning viewer gets the same stream, no new INVITE
        JsonNode back = api().post("/api/channels/" + ids[1] + "/play").json();
        assertThat(back.get("streamId").asText()).isEqualTo(streamId);
        assertThat(invites).hasValue(1);
        assertThat(api().delete(leave + back.get("viewerId").asText()).status()).isEqualTo(204);
        assertThat(api().get("/api/streams/" + streamId).json().get("state").asText()).isEqualTo("ready");

        Awaiting.until(Duration.ofSeconds(10), "stream ended after the grace period",
                () -> "ended".equals(api().get("/api/streams/" + streamId).json().get("state").asText()));
        assertThat(api().get("/api/streams/" + streamId).json().get("endReason").asText()).contains("no viewers");
        Awaiting.until(Duration.ofSeconds(5), "device got its BYE", () -> stops.get() == 1);
    }

    @Test
    void endedStreamPlaylistEndsWithTheReason() throws Exception {
        String[] ids = device(camera("ended"));
        JsonNode play = api().post("/api/channels/" + ids[1] + "/play").json();
        HlsProbe.play(api(), play.get("hls").asText(), 10, Duration.ofSeconds(20));
        api().delete("/api/channels/" + ids[1] + "/play");
        ApiClient.Response playlist = api().getWithoutToken(play.get("hls").asText());
        assertThat(playlist.status()).isEqualTo(200);
        assertThat(playlist.body()).contains("#EXT-X-ENDLIST");
    }

    @Test
    void realCameraRtpCaptureReplayedOverTcpPlays() throws Exception {
        Path capture = testData("d1-h264-704x576.rtp4571");
        byte[] bytes = Files.readAllBytes(capture);
        AtomicReference<Thread> replay = new AtomicReference<>();
        String[] ids = device(offer -> {
            if (offer.transport() != GbTransport.TCP_PASSIVE) {
                return CompletableFuture.failedFuture(new IllegalStateException("this test replays over TCP only"));
            }
            Thread t = new Thread(() -> replayRfc4571(bytes, offer.targetIp(), offer.targetPort()), "rtp4571-replay");
            t.setDaemon(true);
            replay.set(t);
            // the capture carries the camera's own SSRC (0x05F5ED76), not the offered one
            return CompletableFuture.completedFuture(new Replay(new MediaAnswer("127.0.0.1", 40002, offer.ssrc()), t));
        });
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play?transport=tcp-passive");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        HlsProbe.Result hls = HlsProbe.play(api(), play.json().get("hls").asText(), 50, Duration.ofSeconds(30));
        assertThat(hls.width()).isEqualTo(704);
        assertThat(hls.height()).isEqualTo(576);
        api().delete("/api/channels/" + ids[1] + "/play");
        replay.get().interrupt();
    }

    /** Writes the capture's length-prefixed packets to the gateway, paced by their RTP timestamps. */
    private static void replayRfc4571(byte[] capture, String host, int port) {
        try (Socket socket = new Socket(host, port);
             DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(capture))) {
            OutputStream out = socket.getOutputStream();
            long start = System.nanoTime();
            long firstTs = -1;
            while (!Thread.currentThread().isInterrupted()) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException end) {
                    return;
                }
                byte[] packet = new byte[length];
                in.readFully(packet);
                long ts = ((packet[4] & 0xFFL) << 24) | ((packet[5] & 0xFF) << 16) | ((packet[6] & 0xFF) << 8)
                        | (packet[7] & 0xFF);
                if (firstTs < 0) {
                    firstTs = ts;
                }
                long dueNanos = (ts - firstTs) * 100_000 / 9;
                long wait = dueNanos - (System.nanoTime() - start);
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                out.write(length >> 8);
                out.write(length);
                out.write(packet);
            }
        } catch (IOException | InterruptedException e) {
            // the gateway closed the connection or the test ended
        }
    }

    private record Silent(MediaAnswer answer) implements MediaSession {
        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }
    }

    private record Replay(MediaAnswer answer, Thread thread) implements MediaSession {
        @Override
        public void start() {
            thread.start();
        }

        @Override
        public void stop() {
            thread.interrupt();
        }
    }

    private record Counting(MediaSession inner, AtomicInteger stops) implements MediaSession {
        @Override
        public MediaAnswer answer() {
            return inner.answer();
        }

        @Override
        public void start() {
            inner.start();
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
            inner.stop();
        }
    }
}
