package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.simulator.SimulatedCamera;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A paused playback outlives the RTP-silence timeout and the viewer timeout (both 2 s here, in a context of
 * its own), and plays on after resume; a live stream in the same situation would have ended. A live viewer
 * who stops fetching is dropped, and the audit says when and why. The failed-digest limit (2 here) is taken
 * from the configuration.
 */
class PausedPlaybackTest extends HistoryTestSupport {
    private static final Duration SHORT = Duration.ofSeconds(2);

    @DynamicPropertySource
    static void shortTimeouts(DynamicPropertyRegistry registry) {
        registry.add("gbgate.play.rtp-silence-timeout", () -> SHORT.toSeconds() + "s");
        registry.add("gbgate.play.viewer-idle-timeout", () -> SHORT.toSeconds() + "s");
        registry.add("gbgate.play.idle-grace", () -> "1s");
        registry.add("gbgate.sip.failed-digests-to-block", () -> "2");
    }

    @Test
    void aPausedPlaybackIsNotEndedBySilenceAndPlaysOnAfterResume() throws Exception {
        Registered cam = historyCamera(SipTransport.UDP);
        LocalDateTime from = LocalDateTime.parse("2026-11-23T08:00:00");
        JsonNode play = api().post("/api/channels/" + cam.channelId() + "/playback",
                "{\"from\": \"" + from + "\", \"to\": \"" + from.plusHours(1) + "\", \"transport\": \"udp\"}").json();
        String streamId = play.get("streamId").asText();
        String stream = "/api/streams/" + streamId;

        JsonNode paused = api().post(stream + "/pause").json();
        assertThat(paused.get("paused").asBoolean()).isTrue();
        long packetsAtPause = api().get(stream).json().get("rtpPackets").asLong();

        // three times the silence timeout without RTP and without the viewer fetching anything
        Thread.sleep(3 * SHORT.toMillis());
        JsonNode during = api().get(stream).json();
        assertThat(during.get("state").asText()).as(during.toString()).isEqualTo("ready");
        assertThat(during.get("rtpPackets").asLong()).as("the device really paused")
                .isLessThan(packetsAtPause + 200);

        JsonNode resumed = api().post(stream + "/resume").json();
        assertThat(resumed.get("paused").asBoolean()).isFalse();
        long unitsAtResume = api().get(stream).json().get("accessUnits").asLong();
        HlsProbe.Result hls = HlsProbe.play(api(), play.get("hls").asText(), 25, Duration.ofSeconds(20));
        assertThat(hls.frames()).isGreaterThanOrEqualTo(25);
        assertThat(api().get(stream).json().get("accessUnits").asLong()).isGreaterThan(unitsAtResume);

        // a playback nobody watches and that is not paused does end
        Awaiting.until(Duration.ofSeconds(20), "unwatched playback ended",
                () -> "ended".equals(api().get(stream).json().get("state").asText()));
        assertThat(api().get(stream).json().get("endReason").asText()).contains("no viewers");
    }

    @Test
    void aLiveViewerWhoStopsFetchingGoesIdleAndTheAuditSaysWhen() throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("idle", 160, 120));
        JsonNode play = api().post("/api/channels/" + ids[1] + "/play").json();
        String viewerId = play.get("viewerId").asText();
        String stream = "/api/streams/" + play.get("streamId").asText();
        assertThat(api().get(stream).json().get("viewers").asInt()).isEqualTo(1);

        Awaiting.until(Duration.ofSeconds(20), "the idle viewer dropped and the stream ended",
                () -> "ended".equals(api().get(stream).json().get("state").asText()));
        assertThat(api().get(stream).json().get("endReason").asText()).contains("no viewers");

        JsonNode audit = api().get("/api/audit?channelId=" + ids[1]).json();
        assertThat(audit).as(audit.toString()).hasSize(2);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("PLAY_STOP");
        assertThat(audit.get(0).get("detail").asText()).isEqualTo("viewer " + viewerId + ": idle for 2 s");
        assertThat(audit.get(0).get("principal").asText()).as("the principal who started the play")
                .isEqualTo("api-token");
        assertThat(audit.get(1).get("action").asText()).isEqualTo("PLAY_START");
        assertThat(audit.get(1).get("detail").asText()).startsWith("viewer " + viewerId);
    }

    @Test
    void theFailedDigestLimitComesFromTheConfiguration() throws Exception {
        String[] ids = newIds();
        for (int attempt = 0; attempt < 3; attempt++) {
            SimulatedCamera camera = new SimulatedCamera(deviceConfig(ids[0], ids[1], "guess-" + attempt,
                    SipTransport.UDP), testPattern("guess", 160, 120), mediaEventLoops);
            try {
                camera.start();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> camera.registered().get(10,
                        java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(java.util.concurrent.ExecutionException.class);
            } finally {
                camera.close();
            }
        }
        JsonNode refused = api().get("/api/registrations/refused?deviceId=" + ids[0]).json();
        assertThat(refused).extracting(r -> r.get("reason").asText())
                .as("newest first: the third attempt was refused unchecked after two wrong ones")
                .containsExactly("TOO_MANY_FAILURES", "WRONG_PASSWORD", "WRONG_PASSWORD");
    }
}
