package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.sip.device.DeviceAnswerMode;
import io.gbgate.sip.device.MediaOffer;
import io.gbgate.sip.device.StreamPurpose;
import io.gbgate.sip.manscdp.RecordItem;
import io.gbgate.sip.manscdp.RecordType;
import io.gbgate.sip.stack.SipTransport;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;

/**
 * History on the device end to end: record search aggregated over several MESSAGEs, playback as HLS with its
 * speed really changing the timeline, file end, and download saved as a clip.
 */
class HistoryTest extends HistoryTestSupport {
    private static final LocalDateTime FROM = LocalDateTime.parse("2026-11-23T08:00:00");
    private static final LocalDateTime TO = LocalDateTime.parse("2026-11-23T09:00:00");

    private static RecordItem record(String channelId, int startMinute, int endMinute) {
        return new RecordItem(channelId, "rec " + startMinute, "/sd/" + startMinute + ".mp4", "loopback",
                FROM.plusMinutes(startMinute), FROM.plusMinutes(endMinute), 0, RecordType.TIME, null, 1000L);
    }

    @Test
    void recordsSplitOverThreeMessagesComeBackAggregatedInTimeOrder() throws Exception {
        Registered cam = historyCamera(SipTransport.UDP);
        cam.agent().state().records(List.of(record(cam.channelId(), 40, 50), record(cam.channelId(), 0, 10),
                record(cam.channelId(), 20, 30), record(cam.channelId(), 10, 20), record(cam.channelId(), 30, 40)), 2);

        ApiClient.Response response = api().get("/api/channels/" + cam.channelId() + "/records?from=" + FROM
                + "&to=" + TO);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list.get("sumNum").asInt()).isEqualTo(5);
        assertThat(list.get("partial").asBoolean()).isFalse();
        assertThat(list.get("items")).extracting(i -> i.get("startTime").asText()).containsExactly(
                "2026-11-23T08:00:00", "2026-11-23T08:10:00", "2026-11-23T08:20:00", "2026-11-23T08:30:00",
                "2026-11-23T08:40:00");
        assertThat(list.get("items").get(0).get("filePath").asText()).isEqualTo("/sd/0.mp4");

        assertThat(api().get("/api/channels/" + cam.channelId() + "/records?from=" + TO + "&to=" + FROM).status())
                .isEqualTo(400);
        assertThat(api().get("/api/channels/" + cam.channelId() + "/records?from=" + FROM).status()).isEqualTo(400);
    }

    @Test
    void recordsOfADeviceThatStopsAfterThePageComeBackPartial() throws Exception {
        Registered cam = historyCamera(SipTransport.UDP);
        cam.agent().state().records(List.of(record(cam.channelId(), 30, 40), record(cam.channelId(), 0, 10),
                record(cam.channelId(), 10, 20)), 2);
        cam.agent().state().answerMode(DeviceAnswerMode.INCOMPLETE);

        ApiClient.Response response = api().get("/api/channels/" + cam.channelId() + "/records?from=" + FROM
                + "&to=" + TO);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list.get("partial").asBoolean()).isTrue();
        assertThat(list.get("sumNum").asInt()).isEqualTo(3);
        assertThat(list.get("items")).hasSize(2);
    }

    @Test
    void playbackPlaysAsHlsSpeedsUpAndEndsAtTheEndOfTheRecording() throws Exception {
        Registered cam = historyCamera(SipTransport.UDP);
        ApiClient.Response started = api().post("/api/channels/" + cam.channelId() + "/playback",
                "{\"from\": \"" + FROM + "\", \"to\": \"" + TO + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        JsonNode play = started.json();
        String streamId = play.get("streamId").asText();
        String hls = play.get("hls").asText();
        assertThat(play.get("timingsMillis").has("FIRST_KEYFRAME")).isTrue();
        JsonNode audit = api().get("/api/audit?channelId=" + cam.channelId()).json();
        assertThat(audit.get(0).get("action").asText()).isEqualTo("PLAYBACK_START");
        assertThat(audit.get(0).get("principal").asText()).isEqualTo("api-token");

        MediaOffer offer = cam.media().last(StreamPurpose.PLAYBACK);
        assertThat(offer.ssrc()).startsWith("1");
        assertThat(offer.start()).isEqualTo(FROM.atZone(ZoneId.systemDefault()).toInstant());
        assertThat(offer.stop()).isEqualTo(TO.atZone(ZoneId.systemDefault()).toInstant());

        HlsProbe.Result probe = HlsProbe.play(api(), hls, 25, Duration.ofSeconds(30));
        assertThat(probe.width()).isEqualTo(320);

        double normal = framesPerMediaSecond(hls, 0);
        JsonNode fast = api().post("/api/streams/" + streamId + "/speed", "{\"scale\": 2}").json();
        assertThat(fast.get("scale").asDouble()).isEqualTo(2.0);
        long changedAt = lastSequence(api().getWithoutToken(hls).body());
        double doubled = framesPerMediaSecond(hls, changedAt + 1);
        System.out.printf("FIGURE playback frames per HLS second: %.1f at speed 1, %.1f at speed 2%n", normal, doubled);
        assertThat(normal).isBetween(20.0, 30.0);
        assertThat(doubled).isBetween(40.0, 60.0);

        ApiClient.Response badSpeed = api().post("/api/streams/" + streamId + "/speed", "{\"scale\": 0}");
        assertThat(badSpeed.status()).isEqualTo(400);
        ApiClient.Response badSeek = api().post("/api/streams/" + streamId + "/seek", "{\"seconds\": 99999}");
        assertThat(badSeek.status()).isEqualTo(400);
        assertThat(api().post("/api/streams/" + streamId + "/seek", "{\"seconds\": 60}").status()).isEqualTo(200);

        HistoryCamera.fileEnded(cam.agent(), offer);
        Awaiting.until(Duration.ofSeconds(10), "playback ended",
                () -> "ended".equals(api().get("/api/streams/" + streamId).json().get("state").asText()));
        assertThat(api().get("/api/streams/" + streamId).json().get("endReason").asText())
                .isEqualTo("end of recording");
        JsonNode ended = api().get("/api/audit?channelId=" + cam.channelId()).json();
        assertThat(ended.get(0).get("action").asText()).isEqualTo("PLAYBACK_STOP");
        assertThat(ended.get(0).get("detail").asText())
                .isEqualTo("viewer " + play.get("viewerId").asText() + ": stream ended: end of recording");
        assertThat(ended.get(0).get("principal").asText()).isEqualTo("api-token");
    }

    @Test
    void aPlaybackStreamPlaysOverFlvWithoutStartingTheLiveStream() throws Exception {
        Registered cam = historyCamera(SipTransport.UDP);
        JsonNode play = api().post("/api/channels/" + cam.channelId() + "/playback",
                "{\"from\": \"" + FROM + "\", \"to\": \"" + TO + "\"}").json();
        String streamId = play.get("streamId").asText();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<java.io.InputStream> response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + httpPort + play.get("flv").asText())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] flv;
        try (java.io.InputStream body = response.body()) {
            flv = body.readNBytes(48 * 1024);
        }
        assertThat(FlvProbe.decode(flv).width()).isEqualTo(320);
        // the FLV viewer holds the playback stream itself, not a live stream of the channel
        JsonNode streams = api().get("/api/streams").json();
        long ofChannel = 0;
        for (JsonNode s : streams) {
            if (cam.channelId().equals(s.get("channelId").asText())) {
                ofChannel++;
                assertThat(s.get("streamId").asText()).isEqualTo(streamId);
            }
        }
        assertThat(ofChannel).isEqualTo(1);
        api().delete("/api/streams/" + streamId);
    }

    @Test
    void aLiveStreamCannotBePaused() throws Exception {
        Registered cam = historyCamera(SipTransport.UDP);
        JsonNode live = api().post("/api/channels/" + cam.channelId() + "/play").json();
        ApiClient.Response pause = api().post("/api/streams/" + live.get("streamId").asText() + "/pause");
        assertThat(pause.status()).isEqualTo(400);
        assertThat(pause.body()).contains("live view");
        assertThat(api().post("/api/streams/nope/pause").status()).isEqualTo(404);
        api().delete("/api/channels/" + cam.channelId() + "/play");
    }

    @Test
    void aDownloadEndsAsAClipThatDecodes() throws Exception {
        Registered cam = historyCamera(SipTransport.TCP);
        ApiClient.Response started = api().post("/api/channels/" + cam.channelId() + "/download",
                "{\"from\": \"" + FROM + "\", \"to\": \"" + FROM.plusMinutes(1) + "\", \"speed\": 4}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String downloadId = started.json().get("downloadId").asText();
        String streamId = started.json().get("streamId").asText();
        MediaOffer offer = cam.media().last(StreamPurpose.DOWNLOAD);
        assertThat(offer.downloadSpeed()).isEqualTo(4);
        assertThat(offer.ssrc()).startsWith("1");

        Awaiting.until(Duration.ofSeconds(20), "two seconds of video received",
                () -> api().get("/api/streams/" + streamId).json().get("accessUnits").asLong() >= 50);
        HistoryCamera.fileEnded(cam.agent(), offer);
        Awaiting.until(Duration.ofSeconds(30), "download saved",
                () -> !"receiving".equals(api().get("/api/downloads/" + downloadId).json().get("state").asText())
                        && !"saving".equals(api().get("/api/downloads/" + downloadId).json().get("state").asText()));
        JsonNode download = api().get("/api/downloads/" + downloadId).json();
        assertThat(download.get("state").asText()).as(download.toString()).isEqualTo("done");
        assertThat(download.get("endReason").asText()).isEqualTo("end of recording");
        assertThat(download.get("streamId").asText()).isEqualTo(streamId);
        assertThat(download.get("speed").asInt()).isEqualTo(4);
        assertThat(download.get("requestedBy").asText()).isEqualTo("api-token");
        String clipId = download.get("clipId").asText();
        JsonNode ofChannel = api().get("/api/channels/" + cam.channelId() + "/downloads").json();
        assertThat(ofChannel).hasSize(1);
        assertThat(ofChannel.get(0).get("downloadId").asText()).isEqualTo(downloadId);
        assertThat(api().get("/api/downloads/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        JsonNode audit = api().get("/api/audit?channelId=" + cam.channelId()).json();
        assertThat(audit.get(0).get("action").asText()).isEqualTo("DOWNLOAD_START");
        assertThat(audit.get(0).get("principal").asText()).isEqualTo("api-token");
        assertThat(audit.get(0).get("detail").asText()).contains("at 4x");

        Awaiting.until(Duration.ofSeconds(30), "clip stored",
                () -> api().get("/api/clips/" + clipId).json().get("stored").asBoolean());
        JsonNode clip = api().get("/api/clips/" + clipId).json();
        assertThat(clip.get("state").asText()).isEqualTo("ready");
        assertThat(clip.get("channelId").asText()).isEqualTo(cam.channelId());
        byte[] mp4 = api().bytes(clip.get("downloadUrl").asText());
        assertThat(mp4).hasSize(clip.get("bytes").asInt());
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(mp4), 0)) {
            grabber.setFormat("mp4");
            grabber.start();
            Frame first = grabber.grabImage();
            assertThat(first.keyFrame).isTrue();
            int frames = 1;
            while (grabber.grabImage() != null) {
                frames++;
            }
            assertThat(frames).isGreaterThanOrEqualTo(40);
            assertThat(grabber.getImageWidth()).isEqualTo(320);
        }
    }

    /**
     * Decoded frames per second of HLS time over the first two complete segments with a sequence of at least
     * {@code fromSequence}: the rate at which a player shows pictures.
     */
    private double framesPerMediaSecond(String hls, long fromSequence) throws Exception {
        String dir = hls.substring(0, hls.indexOf("index.m3u8"));
        List<String[]> segments = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (segments.size() < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no two segments from sequence " + fromSequence + " within 30 s");
            }
            segments.clear();
            String[] lines = api().getWithoutToken(hls).body().split("\n");
            for (int i = 0; i + 1 < lines.length; i++) {
                if (lines[i].startsWith("#EXTINF:") && sequenceOf(lines[i + 1]) >= fromSequence) {
                    segments.add(new String[] {lines[i].substring(8, lines[i].indexOf(',')), lines[i + 1].trim()});
                }
            }
            Thread.sleep(200);
        }
        int frames = 0;
        double seconds = 0;
        for (String[] segment : segments.subList(0, 2)) {
            frames += HlsProbe.decode(api().bytes(dir + segment[1]))[0];
            seconds += Double.parseDouble(segment[0]);
        }
        return frames / seconds;
    }

    private static long lastSequence(String playlist) {
        long last = -1;
        for (String line : playlist.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                last = Math.max(last, sequenceOf(line));
            }
        }
        return last;
    }

    private static long sequenceOf(String uri) {
        String name = uri.trim();
        int dash = name.indexOf("segment-");
        int dot = name.indexOf(".ts");
        return dash < 0 || dot < 0 ? -1 : Long.parseLong(name.substring(dash + 8, dot));
    }
}
