package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.simulator.PsFile;
import io.gbgate.gateway.simulator.PsFileFeed;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end: a simulated camera registers over SIP, an operator plays its
 * channel and the HLS output decodes with FFmpeg.
 */
class LivePlayTest extends GatewayTestBase {
    @Test
    void testPatternCameraPlaysAsHls() throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP),
                testPattern("it", 640, 360));

        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        JsonNode body = play.json();
        assertThat(body.get("channelId").asText()).isEqualTo(ids[1]);
        assertThat(body.get("timingsMillis").has("FIRST_KEYFRAME")).isTrue();

        HlsProbe.Result hls = HlsProbe.play(api(), body.get("hls").asText(), 50, Duration.ofSeconds(30));
        System.out.printf("FIGURE first HLS segment (test pattern 640x360) %d ms after POST /play answered;"
                + " play timings %s%n", hls.firstSegmentMillis(), body.get("timingsMillis"));
        assertThat(hls.frames()).isGreaterThanOrEqualTo(50);
        assertThat(hls.width()).isEqualTo(640);
        assertThat(hls.height()).isEqualTo(360);

        JsonNode stream = api().get("/api/streams/" + body.get("streamId").asText()).json();
        assertThat(stream.get("state").asText()).isEqualTo("ready");
        assertThat(stream.get("rtpPackets").asLong()).isPositive();

        assertThat(api().delete("/api/channels/" + ids[1] + "/play").status()).isEqualTo(204);
        assertThat(api().get("/api/streams/" + body.get("streamId").asText()).json().get("state").asText())
                .isEqualTo("ended");

        String viewerId = body.get("viewerId").asText();
        JsonNode audit = api().get("/api/audit?channelId=" + ids[1]).json();
        assertThat(audit).as(audit.toString()).hasSize(3);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("PLAY_STOP");
        assertThat(audit.get(0).get("detail").asText()).isEqualTo("stopped for all viewers");
        assertThat(audit.get(1).get("action").asText()).isEqualTo("PLAY_STOP");
        assertThat(audit.get(1).get("detail").asText())
                .isEqualTo("viewer " + viewerId + ": stream ended: stopped by API request");
        assertThat(audit.get(2).get("action").asText()).isEqualTo("PLAY_START");
        assertThat(audit.get(2).get("detail").asText()).startsWith("viewer " + viewerId);
        assertThat(audit.get(2).get("principal").asText()).isEqualTo("api-token");
        assertThat(audit.get(2).get("remoteAddress").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void twoPlaysOfOneChannelShareTheStream() throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.TCP),
                testPattern("it", 320, 240));
        JsonNode first = api().post("/api/channels/" + ids[1] + "/play").json();
        JsonNode second = api().post("/api/channels/" + ids[1] + "/play").json();
        assertThat(second.get("streamId").asText()).isEqualTo(first.get("streamId").asText());
        api().delete("/api/channels/" + ids[1] + "/play");
    }

    @Test
    void realCameraD1RecordingPlaysThroughTheGateway() throws Exception {
        PsFile recording = PsFile.load(testData("d1-h264-704x576.ps"));
        HlsProbe.Result hls = playRecording(recording);
        assertThat(hls.frames()).isGreaterThanOrEqualTo(50);
        assertThat(hls.width()).isEqualTo(704);
        assertThat(hls.height()).isEqualTo(576);
    }

    @Test
    void hikvisionRecordingThatStartsMidPackPlays() throws Exception {
        PsFile recording = PsFile.load(testData("hik-h264-1080p-midstream.ps"));
        HlsProbe.Result hls = playRecording(recording);
        assertThat(hls.frames()).isGreaterThanOrEqualTo(30);
        assertThat(hls.width()).isEqualTo(1920);
        assertThat(hls.height()).isEqualTo(1080);
    }

    private HlsProbe.Result playRecording(PsFile recording) throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), () -> new PsFileFeed(recording, FEEDS));
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        try {
            return HlsProbe.play(api(), play.json().get("hls").asText(), 50, Duration.ofSeconds(30));
        } finally {
            api().delete("/api/channels/" + ids[1] + "/play");
        }
    }
}
