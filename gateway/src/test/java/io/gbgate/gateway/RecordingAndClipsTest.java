package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.sip.stack.SipTransport;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;

/** Issue 5: a recording plan records a simulated camera; recorded playback and a clip come out of it. */
class RecordingAndClipsTest extends GatewayTestBase {

    @Test
    void alwaysPlanRecordsPlaysBackAndExportsAClip() throws Exception {
        String[] ids = newIds();
        String channel = ids[1];
        camera(deviceConfig(ids[0], channel, PASSWORD, SipTransport.UDP), testPattern("rec", 320, 240));
        Instant start = Instant.now();

        ApiClient.Response plan = api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"always\"}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().get("mode").asText()).isEqualToIgnoringCase("always");

        String window = "?from=" + start.minusSeconds(60) + "&to=" + start.plusSeconds(600);
        Awaiting.until(Duration.ofSeconds(40), "10 s recorded", () -> {
            JsonNode ranges = api().get("/api/channels/" + channel + "/recordings" + window).json().get("ranges");
            return ranges.size() == 1 && Duration.between(Instant.parse(ranges.get(0).get("from").asText()),
                    Instant.parse(ranges.get(0).get("to").asText())).toSeconds() >= 10;
        });
        JsonNode status = api().get("/api/recording").json();
        assertThat(status.has("alarm")).as("no disk alarm").isFalse();
        assertThat(status.get("channels").toString()).contains(channel).contains("recording");
        // the recorder keeps the live stream up by itself: no viewer played it
        assertThat(api().get("/api/streams").body()).contains(channel);

        // recorded playback as HLS VOD
        JsonNode recordings = api().get("/api/channels/" + channel + "/recordings" + window).json();
        HlsProbe.Result vod = HlsProbe.play(api(), recordings.get("hls").asText(), 100, Duration.ofSeconds(20));
        assertThat(vod.width()).isEqualTo(320);
        assertThat(vod.playlists().get(0)).contains("#EXT-X-PLAYLIST-TYPE:VOD").contains("#EXT-X-ENDLIST");

        // a 4 s clip from the middle of the recording
        Instant recordedFrom = Instant.parse(recordings.get("ranges").get(0).get("from").asText());
        Instant clipFrom = recordedFrom.plusMillis(2500);
        Instant clipTo = clipFrom.plusSeconds(4);
        ApiClient.Response created = api().post("/api/clips", "{\"channelId\":\"" + channel + "\",\"from\":\"" + clipFrom
                + "\",\"to\":\"" + clipTo + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String clipId = created.json().get("clipId").asText();
        JsonNode audit = api().get("/api/audit?channelId=" + channel).json();
        assertThat(audit.get(0).get("action").asText()).isEqualTo("CLIP_EXPORT");
        assertThat(audit.get(0).get("detail").asText()).contains(clipId);
        Awaiting.until(Duration.ofSeconds(30), "clip ready and stored",
                () -> api().get("/api/clips/" + clipId).json().get("stored").asBoolean());
        JsonNode clip = api().get("/api/clips/" + clipId).json();
        assertThat(clip.get("state").asText()).isEqualTo("ready");
        byte[] mp4 = api().bytes(clip.get("downloadUrl").asText());
        assertThat(mp4).hasSize(clip.get("bytes").asInt());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mp4)))
                .isEqualTo(clip.get("sha256").asText());
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(mp4), 0)) {
            grabber.setFormat("mp4");
            grabber.start();
            Frame first = grabber.grabImage();
            assertThat(first.keyFrame).isTrue();
            int frames = 1;
            while (grabber.grabImage() != null) {
                frames++;
            }
            // stream copy starting at the keyframe at or before "from": within one GOP (1 s, 25 frames) of 4 s
            assertThat(frames).isBetween(100, 125);
            assertThat(grabber.getImageWidth()).isEqualTo(320);
        }

        // a range with nothing recorded fails with a reason
        Instant past = start.minusSeconds(3600);
        String failedId = api().post("/api/clips", "{\"channelId\":\"" + channel + "\",\"from\":\"" + past
                + "\",\"to\":\"" + past.plusSeconds(5) + "\"}").json().get("clipId").asText();
        Awaiting.until(Duration.ofSeconds(10), "clip failed",
                () -> "failed".equals(api().get("/api/clips/" + failedId).json().get("state").asText()));
        assertThat(api().get("/api/clips/" + failedId).json().get("reason").asText()).contains("not recorded");

        // plan off: recording stops
        api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"off\"}");
        assertThat(api().get("/api/recording").json().get("channels").toString()).doesNotContain(channel);
    }

    @Test
    void badRecordingAndClipRequestsAreRefusedClearly() throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("bad", 320, 240));
        assertThat(api().put("/api/channels/" + ids[1] + "/recording-plan", "{\"mode\":\"sometimes\"}").status())
                .isEqualTo(400);
        assertThat(api().put("/api/channels/44010200491319999998/recording-plan", "{\"mode\":\"always\"}").status())
                .isEqualTo(404);
        ApiClient.Response badWindow = api().put("/api/channels/" + ids[1] + "/recording-plan",
                "{\"mode\":\"schedule\",\"schedule\":[{\"day\":\"MONDAY\",\"from\":\"25:00\",\"to\":\"26:00\"}]}");
        assertThat(badWindow.status()).isEqualTo(400);
        assertThat(api().post("/api/clips", "{\"channelId\":\"" + ids[1] + "\",\"from\":\"yesterday\",\"to\":\"now\"}")
                .status()).isEqualTo(400);
        assertThat(api().post("/api/clips", "{\"channelId\":\"44010200491319999998\",\"from\":\"2026-01-01T00:00:00Z\","
                + "\"to\":\"2026-01-01T00:00:05Z\"}").status()).isEqualTo(404);
        assertThat(api().get("/api/clips/no-such-clip").status()).isEqualTo(404);
        assertThat(api().get("/api/channels/" + ids[1] + "/recordings?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")
                .status()).isEqualTo(400);
    }
}
