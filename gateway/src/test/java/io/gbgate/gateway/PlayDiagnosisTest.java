package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.media.rtp.UdpRtpSender;
import io.gbgate.sip.device.MediaAnswer;
import io.gbgate.sip.device.MediaRejectedException;
import io.gbgate.sip.device.MediaSession;
import io.gbgate.sip.device.MediaSessionFactory;
import io.gbgate.sip.stack.SipTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Plays that fail name the stage they reached and the likely cause; streams that end tell why.
 * The misbehaving devices are real SIP device agents over loopback.
 */
class PlayDiagnosisTest extends GatewayTestBase {
    @Test
    void deviceThatRefusesTheInviteIsNamedWithItsStatus() throws Exception {
        String[] ids = device(offer -> CompletableFuture.failedFuture(new MediaRejectedException(486, "Busy Here")));
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(play.status()).isEqualTo(502);
        JsonNode error = play.json();
        assertThat(error.get("cause").asText()).isEqualTo("REFUSED");
        assertThat(error.get("stage").asText()).isEqualTo("INVITE_SENT");
        assertThat(error.get("message").asText()).contains("486");
        JsonNode stream = api().get("/api/streams/" + error.get("streamId").asText()).json();
        assertThat(stream.get("state").asText()).isEqualTo("ended");
        assertThat(stream.get("failure").asText()).contains("486");
    }

    @Test
    void playOfAnUnregisteredDevicesChannelSaysSoAtOnce() throws Exception {
        String[] ids = newIds();
        var camera = camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("gone", 320, 240));
        camera.agent().unregister().get(10, TimeUnit.SECONDS);
        // the gateway handles the unregister after answering it: wait until it did, or that handling (which
        // ends the device's streams) could end this play first (ENDED instead of NOT_SENT)
        Awaiting.until(java.time.Duration.ofSeconds(10), "device offline",
                () -> !api().get("/api/devices/" + ids[0]).json().get("online").asBoolean());
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(play.status()).as(play.body()).isEqualTo(502);
        assertThat(play.json().get("cause").asText()).isEqualTo("NOT_SENT");
        // and the channel can be tried again: nothing of the failed play is left behind
        assertThat(api().post("/api/channels/" + ids[1] + "/play").json().get("cause").asText()).isEqualTo("NOT_SENT");
    }

    @Test
    void deviceThatNeverAnswersTimesOutAtInviteSent() throws Exception {
        String[] ids = device(offer -> new CompletableFuture<>());
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(play.status()).isEqualTo(504);
        assertThat(play.json().get("cause").asText()).isEqualTo("NO_ANSWER");
        assertThat(play.json().get("message").asText()).contains("did not answer");
    }

    @Test
    void deviceThatAcceptsButSendsNoRtpPointsAtTheMediaAddress() throws Exception {
        String[] ids = device(offer -> CompletableFuture.completedFuture(
                new SilentSession(new MediaAnswer("127.0.0.1", 40000, offer.ssrc()))));
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(play.status()).isEqualTo(502);
        JsonNode error = play.json();
        assertThat(error.get("cause").asText()).isEqualTo("NO_RTP");
        assertThat(error.get("stage").asText()).isEqualTo("ACK_SENT");
        assertThat(error.get("message").asText()).contains("no RTP").contains("gbgate.media.ip=127.0.0.1");
        assertThat(error.get("timingsMillis").has("ANSWERED")).isTrue();
    }

    @Test
    void rtpWithoutPsIsReportedAsUndecodable() throws Exception {
        String[] ids = device(offer -> {
            UdpRtpSender sender = UdpRtpSender.open(mediaEventLoops, "127.0.0.1",
                    new InetSocketAddress(offer.targetIp(), offer.targetPort()), Long.parseLong(offer.ssrc()));
            return CompletableFuture.completedFuture(new GarbageSession(sender, offer.ssrc()));
        });
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(play.status()).isEqualTo(502);
        JsonNode error = play.json();
        assertThat(error.get("cause").asText()).isEqualTo("UNDECODABLE");
        assertThat(error.get("stage").asText()).isEqualTo("FIRST_RTP");
        assertThat(error.get("message").asText()).contains("nothing decodable").contains("127.0.0.1");
    }

    @Test
    void byeFromTheDeviceEndsTheStreamWithItsReason() throws Exception {
        String[] ids = newIds();
        var camera = camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP),
                testPattern("bye", 320, 240));
        String streamId = api().post("/api/channels/" + ids[1] + "/play").json().get("streamId").asText();
        camera.agent().bye(ids[1]).get(10, TimeUnit.SECONDS);
        Awaiting.until(Duration.ofSeconds(10), "stream ended by BYE",
                () -> "ended".equals(api().get("/api/streams/" + streamId).json().get("state").asText()));
        assertThat(api().get("/api/streams/" + streamId).json().get("endReason").asText()).contains("BYE");
    }

    @Test
    void deviceThatStopsKeepaliveGoesOfflineWithItsChannelsAndStreams() throws Exception {
        String[] ids = newIds();
        var camera = camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP),
                testPattern("offline", 320, 240));
        String streamId = api().post("/api/channels/" + ids[1] + "/play").json().get("streamId").asText();
        assertThat(api().get("/api/devices/" + ids[0]).json().get("online").asBoolean()).isTrue();
        camera.agent().stopKeepalive();
        Awaiting.until(Duration.ofSeconds(30), "device offline after missed keepalives",
                () -> !api().get("/api/devices/" + ids[0]).json().get("online").asBoolean());
        assertThat(api().get("/api/devices/" + ids[0] + "/channels").json().get(0).get("online").asBoolean()).isFalse();
        Awaiting.until(Duration.ofSeconds(10), "stream ended",
                () -> "ended".equals(api().get("/api/streams/" + streamId).json().get("state").asText()));
        assertThat(api().get("/api/streams/" + streamId).json().get("endReason").asText()).contains("offline");
    }

    /** Accepts the INVITE and sends nothing. */
    private record SilentSession(MediaAnswer answer) implements MediaSession {
        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }
    }

    /** Sends RTP whose payload is text, not MPEG-PS. */
    private static final class GarbageSession implements MediaSession {
        private final UdpRtpSender sender;
        private final MediaAnswer answer;
        private java.util.concurrent.ScheduledFuture<?> task;

        GarbageSession(UdpRtpSender sender, String ssrc) {
            this.sender = sender;
            this.answer = new MediaAnswer("127.0.0.1", sender.localAddress().getPort(), ssrc);
        }

        @Override
        public MediaAnswer answer() {
            return answer;
        }

        @Override
        public void start() {
            long[] ts = {0};
            task = FEEDS.scheduleAtFixedRate(() -> {
                ByteBuf junk = Unpooled.copiedBuffer("this is not an MPEG program stream ".repeat(30),
                        StandardCharsets.US_ASCII);
                try {
                    sender.send(junk, ts[0] += 3600);
                } finally {
                    junk.release();
                }
            }, 0, 40, TimeUnit.MILLISECONDS);
        }

        @Override
        public void stop() {
            if (task != null) {
                task.cancel(false);
            }
            sender.close();
        }
    }
}
