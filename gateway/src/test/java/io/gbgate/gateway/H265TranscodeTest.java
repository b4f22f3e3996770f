package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.gateway.hls.TranscodedHls;
import io.gbgate.gateway.transcode.TranscodeService;
import io.gbgate.sip.stack.SipTransport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An H.265 camera (libx265 clip from the ffmpeg CLI, looped as GB28181 PS) played through the API:
 * viewers without HEVC (a WHEP offer with only H.264, HTTP-FLV with {@code codec=h264}) get decodable
 * H.264 from one shared transcoder that stops when the last of them leaves.
 */
class H265TranscodeTest extends GatewayTestBase {
    private static final int FLV_BYTES = 48 * 1024;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @Autowired
    private TranscodeService transcodes;
    @Autowired
    private TranscodedHls transcodedHls;
    @Autowired
    private GbgateProperties props;

    @Test
    void whepViewersWithoutH265ShareOneTranscoderThatStopsAfterTheLastLeft() throws Exception {
        JsonNode play = play("h265-whep");
        String streamId = play.get("streamId").asText();
        assertThat(api().get("/api/streams/" + streamId).json().get("codec").asText()).isEqualTo("H265");
        assertThat(transcodes.state(streamId)).as("no transcoder before an H.264 viewer").isEmpty();
        String whep = play.get("whep").asText();

        WhepTestClient.Identity first = WhepTestClient.Identity.generate();
        HttpResponse<String> firstCreated = post(whep, WhepH264Viewer.offer(first));
        assertThat(firstCreated.statusCode()).as(firstCreated.body()).isEqualTo(201);
        WhepTestClient.Identity second = WhepTestClient.Identity.generate();
        HttpResponse<String> secondCreated = post(whep, WhepH264Viewer.offer(second));
        assertThat(secondCreated.statusCode()).as(secondCreated.body()).isEqualTo(201);
        assertThat(transcodes.state(streamId)).as("one transcoder for both viewers")
                .hasValueSatisfying(t -> assertThat(t.viewers()).isEqualTo(2));
        assertThat(transcodes.running()).isEqualTo(1);

        byte[] h264 = WhepH264Viewer.receive(first, firstCreated.body(), 40);
        int[] decoded = decodeH264(h264);
        assertThat(decoded[0]).as("decoded H.264 pictures").isGreaterThanOrEqualTo(20);
        assertThat(decoded[1]).isEqualTo(320);
        assertThat(decoded[2]).isEqualTo(240);
        JsonNode stats = api().get("/api/streams/" + streamId).json().get("transcode");
        assertThat(stats.get("viewers").asInt()).isEqualTo(2);
        assertThat(stats.get("stats").get("framesEncoded").asLong()).isGreaterThanOrEqualTo(40);
        assertThat(stats.get("stats").get("encoder").asText()).isNotBlank();

        String token = whep.substring(whep.indexOf("?token="));
        delete(firstCreated.headers().firstValue("Location").orElseThrow() + token);
        assertThat(transcodes.state(streamId)).hasValueSatisfying(t -> assertThat(t.viewers()).isEqualTo(1));
        delete(secondCreated.headers().firstValue("Location").orElseThrow() + token);
        Awaiting.until(Duration.ofSeconds(10), "transcoder stopped", () -> transcodes.state(streamId).isEmpty());
        JsonNode after = api().get("/api/streams/" + streamId).json().get("transcode");
        assertThat(after == null || after.isNull()).as("no transcode in the stream's stats any more").isTrue();
        stop(play);
    }

    @Test
    void httpFlvWithCodecH264IsTranscodedAndWithoutItStaysH265() throws Exception {
        JsonNode play = play("h265-flv");
        String streamId = play.get("streamId").asText();
        String flvPath = play.get("flv").asText();

        byte[] flv = fetch(flvPath + "&codec=h264", FLV_BYTES);
        assertThat(firstVideoCodecId(flv)).as("FLV video codec id (7 = AVC)").isEqualTo(7);
        FlvProbe.Result decoded = FlvProbe.decode(flv);
        assertThat(decoded.frames()).isGreaterThanOrEqualTo(10);
        assertThat(decoded.width()).isEqualTo(320);
        assertThat(decoded.height()).isEqualTo(240);
        Awaiting.until(Duration.ofSeconds(10), "transcoder stopped after the FLV viewer left",
                () -> transcodes.state(streamId).isEmpty());

        byte[] untouched = fetch(flvPath, 4 * 1024);
        assertThat(firstVideoCodecId(untouched)).as("FLV without codec=h264 is not AVC").isNotEqualTo(7);
        assertThat(transcodes.state(streamId)).isEmpty();
        HttpResponse<String> bad = http.send(request(flvPath + "&codec=vp9"), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("codec=h264");
        stop(play);
    }

    @Test
    void untouchedH265FlvKeepsStreamingAndFfmpegDecodesIt() throws Exception {
        JsonNode play = play("h265-flv-untouched");
        String streamId = play.get("streamId").asText();
        long seconds = 6;
        byte[] flv = readFor(play.get("flv").asText(), Duration.ofSeconds(seconds));
        FlvTagScan tags = FlvTagScan.of(flv);
        System.out.printf("FIGURE untouched H.265 HTTP-FLV: %d bytes, %d video tags, last at %d ms in %d s%n",
                flv.length, tags.videoTags(), tags.lastVideoMillis(), seconds);
        assertThat(tags.lastVideoMillis()).as("video timeline of %d s of HTTP-FLV", seconds)
                .isGreaterThanOrEqualTo((seconds - 2) * 1000);
        assertThat(tags.hevcTags()).as("enhanced-FLV hvc1 video tags").isEqualTo(tags.videoTags());
        FlvProbe.Result decoded = FlvProbe.decode(flv);
        assertThat(decoded.frames()).as("pictures FFmpeg decoded").isGreaterThanOrEqualTo((int) (seconds - 2) * 25);
        assertThat(decoded.width()).isEqualTo(320);
        assertThat(decoded.height()).isEqualTo(240);
        assertThat(transcodes.state(streamId)).as("no transcoder for the untouched FLV").isEmpty();
        stop(play);
    }

    /** Everything the HTTP-FLV response delivers within {@code time}; fails when it ends before. */
    private byte[] readFor(String path, Duration time) throws Exception {
        HttpResponse<InputStream> response = http.send(request(path), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        long deadline = System.nanoTime() + time.toNanos();
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[8192];
            while (System.nanoTime() < deadline) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (java.io.IOException e) {
                    throw new AssertionError("HTTP-FLV failed after " + received.size() + " bytes: " + e, e);
                }
                if (n < 0) {
                    throw new AssertionError("HTTP-FLV ended after " + received.size() + " bytes");
                }
                received.write(buffer, 0, n);
            }
        }
        return received.toByteArray();
    }

    @Test
    void tsHlsWithCodecH264IsTheTranscodeHeldWhileFetchedAndBadCodecIsRefused() throws Exception {
        JsonNode play = play("h265-hls");
        String streamId = play.get("streamId").asText();
        assertThat(play.get("videoCodec").asText()).as("the play answer tells the codec").isEqualTo("H265");
        String hls = play.get("hls").asText();

        HlsProbe.Result decoded = HlsProbe.play(api(), hls + "&codec=h264", 25, Duration.ofSeconds(40));
        assertThat(decoded.width()).isEqualTo(HevcClip.CAMERA_WIDTH);
        assertThat(decoded.height()).isEqualTo(HevcClip.CAMERA_HEIGHT);
        String playlist = decoded.playlists().get(decoded.playlists().size() - 1);
        String segment = playlist.lines().filter(l -> l.startsWith("segment-")).reduce((a, b) -> b).orElseThrow();
        assertThat(segment).as("segment URIs keep the codec").endsWith("&codec=h264");
        String dir = hls.substring(0, hls.indexOf("index.m3u8"));
        assertThat(videoCodecOf(api().bytes(dir + segment))).isEqualTo("h264");
        assertThat(transcodes.state(streamId)).as("the HLS output holds the transcoder")
                .hasValueSatisfying(t -> assertThat(t.viewers()).isEqualTo(1));
        System.out.printf("FIGURE TS-HLS codec=h264 of an H.265 camera: first segment after %d ms, %d pictures"
                + " decoded from %d segments%n", decoded.firstSegmentMillis(), decoded.frames(), decoded.segments());

        String ownPlaylist = api().getWithoutToken(hls).body();
        String ownSegment = ownPlaylist.lines().filter(l -> l.startsWith("segment-")).findFirst().orElseThrow();
        assertThat(videoCodecOf(api().bytes(dir + ownSegment))).as("HLS without codec stays H.265").isEqualTo("hevc");

        for (String bad : new String[] {hls + "&codec=vp9", dir + segment.replace("codec=h264", "codec=vp9")}) {
            ApiClient.Response refused = api().getWithoutToken(bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).contains("codec=h264");
        }

        transcodedHls.expireIdle(System.nanoTime() + props.play().viewerIdleTimeout().toNanos() + 1_000_000_000L);
        assertThat(transcodedHls.active(streamId)).isFalse();
        Awaiting.until(Duration.ofSeconds(10), "transcoder stopped after the HLS viewers went idle",
                () -> transcodes.state(streamId).isEmpty());
        stop(play);
    }

    /** FFmpeg's name of the video codec in an MPEG-TS segment. */
    private static String videoCodecOf(byte[] ts) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(ts), 0)) {
            grabber.setFormat("mpegts");
            grabber.start();
            return grabber.getVideoCodecName();
        }
    }

    private JsonNode play(String name) throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), HevcClip.camera(FEEDS));
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        return play.json();
    }

    private void stop(JsonNode play) {
        assertThat(api().delete("/api/channels/" + play.get("channelId").asText() + "/play").status()).isEqualTo(204);
    }

    private byte[] fetch(String path, int bytes) throws Exception {
        HttpResponse<InputStream> response = http.send(request(path), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            byte[] flv = body.readNBytes(bytes);
            assertThat(flv).hasSize(bytes);
            return flv;
        }
    }

    /** The codec id (low nibble of the first data byte; enhanced FLV sets the high bit) of the first video tag. */
    private static int firstVideoCodecId(byte[] flv) {
        int at = 9 + 4;
        while (at + 11 < flv.length) {
            int type = flv[at] & 0x1F;
            int size = ((flv[at + 1] & 0xFF) << 16) | ((flv[at + 2] & 0xFF) << 8) | (flv[at + 3] & 0xFF);
            if (type == 9) {
                int first = flv[at + 11] & 0xFF;
                return (first & 0x80) != 0 ? -1 : first & 0x0F;
            }
            at += 11 + size + 4;
        }
        throw new AssertionError("no video tag in the first " + flv.length + " bytes");
    }

    private HttpResponse<String> post(String path, String sdp) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(sdp)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void delete(String path) throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(uri(path)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** {pictures, width, height} of an Annex B H.264 stream. */
    private static int[] decodeH264(byte[] annexB) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        int frames = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(annexB), 0)) {
            grabber.setFormat("h264");
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (frame.image != null) {
                    frames++;
                }
            }
            return new int[] {frames, grabber.getImageWidth(), grabber.getImageHeight()};
        }
    }
}
