package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.hls.HlsController;
import io.gbgate.gateway.llhls.LlHlsOutputs;
import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.media.llhls.LlHlsNames;
import io.gbgate.media.llhls.LlHlsPart;
import io.gbgate.media.llhls.PartPosition;
import io.gbgate.sip.stack.SipTransport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * LL-HLS end to end: a simulated camera (25 fps, one keyframe per second) is played, its LL-HLS
 * output starts on the first request, a blocking reload and a preload-hinted part are held until
 * the part exists, and init + parts + segment decode with FFmpeg.
 */
class LlHlsPlayTest extends GatewayTestBase {
    private static final Pattern HINT = Pattern.compile("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"(part(\\d+)\\.(\\d+)\\.m4s[^\"]*)\"");
    private static final Pattern PART = Pattern.compile("#EXT-X-PART:DURATION=[0-9.]+,URI=\"(part(\\d+)\\.\\d+\\.m4s[^\"]*)\"");
    private static final Pattern MAP = Pattern.compile("#EXT-X-MAP:URI=\"([^\"]+)\"");

    @Autowired
    private LlHlsOutputs outputs;
    @Autowired
    private MediaTokenSigner signer;

    @Test
    void lowLatencyPlaylistBlocksForTheNextPartAndItsMediaDecodes() throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("llhls", 640, 360));
        ApiClient.Response play = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        JsonNode body = play.json();
        String streamId = body.get("streamId").asText();
        String playlistPath = body.get("llhls").asText();
        String dir = playlistPath.substring(0, playlistPath.indexOf("index.m3u8"));
        assertThat(outputs.existing(streamId)).as("started lazily, on the first request").isEmpty();
        try {
            ApiClient.Response first = api().getWithoutToken(playlistPath);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.body()).contains("#EXT-X-VERSION:9", "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,"
                    + "PART-HOLD-BACK=0.600", "#EXT-X-PART-INF:PART-TARGET=0.200", "#EXT-X-PROGRAM-DATE-TIME:",
                    "INDEPENDENT=YES", "#EXTINF:"); // the first answer waits for a whole segment: hls.js needs one
            Matcher hint = matcher(HINT, first.body());
            long msn = Long.parseLong(hint.group(2));
            int part = Integer.parseInt(hint.group(3));

            long asked = System.nanoTime();
            ApiClient.Response blocked = api().getWithoutToken(playlistPath + "&_HLS_msn=" + msn + "&_HLS_part=" + part);
            long heldMillis = (System.nanoTime() - asked) / 1_000_000;
            assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
            assertThat(blocked.body()).as("the reload answers once part %d.%d is listed", msn, part)
                    .contains("URI=\"" + hint.group(1) + "\"");
            byte[] hintedPart = api().bytes(dir + hint.group(1));
            assertThat(new String(hintedPart, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("moof");
            System.out.printf("FIGURE LL-HLS blocking reload for the hinted part %d.%d held %d ms%n", msn, part,
                    heldMillis);

            // a whole segment: wait for segment 0 to complete, then fetch it, its parts and its init section
            ApiClient.Response complete = api().getWithoutToken(playlistPath + "&_HLS_msn=0");
            assertThat(complete.status()).as(complete.body()).isEqualTo(200);
            assertThat(complete.body()).contains("\nseg0.m4s?token=");
            byte[] init = api().bytes(dir + matcher(MAP, complete.body()).group(1));
            byte[] segment = api().bytes(dir + "seg0.m4s?token=" + tokenOf(playlistPath));
            ByteArrayOutputStream parts = new ByteArrayOutputStream();
            Matcher partLines = PART.matcher(complete.body());
            int partCount = 0;
            while (partLines.find()) {
                if (partLines.group(2).equals("0")) {
                    parts.writeBytes(api().bytes(dir + partLines.group(1)));
                    partCount++;
                }
            }
            assertThat(partCount).isGreaterThan(1);
            assertThat(parts.toByteArray()).as("segment 0 is its parts in a row").isEqualTo(segment);
            int[] decoded = decode(init, segment);
            assertThat(decoded[0]).as("frames decoded from init + seg0").isPositive();
            assertThat(decoded[1]).isEqualTo(640);
            assertThat(decoded[2]).isEqualTo(360);
            int[] fromParts = decode(init, Arrays.copyOf(parts.toByteArray(), parts.size()));
            assertThat(fromParts[0]).isEqualTo(decoded[0]);

            ApiClient.Response fmp4 = api().getWithoutToken(body.get("hlsFmp4").asText());
            assertThat(fmp4.status()).isEqualTo(200);
            assertThat(fmp4.body()).contains("#EXT-X-VERSION:6", "#EXT-X-MAP:URI=\"init0.mp4?token=", "seg0.m4s")
                    .doesNotContain("#EXT-X-PART", "PRELOAD-HINT", "SERVER-CONTROL");

            measureLatency(streamId, playlistPath, dir);
        } finally {
            api().delete("/api/channels/" + ids[1] + "/play");
        }
        HttpResponse<String> ended = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + playlistPath)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(ended.body()).endsWith("#EXT-X-ENDLIST\n").doesNotContain("PRELOAD-HINT");
        assertThat(ended.headers().firstValue(HlsController.ENDED_HEADER)).isPresent();
    }

    @Test
    void badRequestsAreRefusedWithAReason() throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.TCP), testPattern("llhls-bad", 320, 240));
        JsonNode body = api().post("/api/channels/" + ids[1] + "/play").json();
        String streamId = body.get("streamId").asText();
        String playlistPath = body.get("llhls").asText();
        String dir = playlistPath.substring(0, playlistPath.indexOf("index.m3u8"));
        try {
            assertThat(api().getWithoutToken(playlistPath).status()).isEqualTo(200);

            String unknown = signer.sign("no-such-stream", "viewer1");
            ApiClient.Response noStream = api().getWithoutToken("/llhls/no-such-stream/index.m3u8?token=" + unknown);
            assertThat(noStream.status()).isEqualTo(404);
            assertThat(noStream.body()).contains("no stream no-such-stream");
            assertThat(api().getWithoutToken("/llhls/no-such-stream/init0.mp4?token=" + unknown).status())
                    .isEqualTo(404);

            ApiClient.Response garbage = api().getWithoutToken("/llhls/" + streamId + "/index.m3u8?token=1.y.z");
            assertThat(garbage.status()).isEqualTo(401);
            assertThat(garbage.body()).isEqualTo("token not valid for this stream");
            String otherStream = URLEncoder.encode(signer.sign("other", "viewer1"), StandardCharsets.UTF_8);
            assertThat(api().getWithoutToken("/llhls/" + streamId + "/part0.0.m4s?token=" + otherStream).status())
                    .isEqualTo(401);
            assertThat(api().getWithoutToken("/llhls/" + streamId + "/fmp4.m3u8").status()).isEqualTo(401);

            ApiClient.Response malformed = api().getWithoutToken(playlistPath + "&_HLS_msn=abc");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.body()).contains("_HLS_msn must be a non-negative integer");
            assertThat(api().getWithoutToken(playlistPath + "&_HLS_part=2").body()).isEqualTo("_HLS_part needs _HLS_msn");
            ApiClient.Response farAhead = api().getWithoutToken(playlistPath + "&_HLS_msn=99999");
            assertThat(farAhead.status()).isEqualTo(400);
            assertThat(farAhead.body()).contains("more than two segments ahead");

            assertThat(api().getWithoutToken(dir + "nothing.m4s?token=" + tokenOf(playlistPath)).status())
                    .isEqualTo(404);
            assertThat(api().getWithoutToken(dir + "seg999.m4s?token=" + tokenOf(playlistPath)).status())
                    .isEqualTo(404);
            assertThat(api().getWithoutToken(dir + "init7.mp4?token=" + tokenOf(playlistPath)).status())
                    .isEqualTo(404);
        } finally {
            api().delete("/api/channels/" + ids[1] + "/play");
        }
    }

    /** Requests each hinted part before it exists and prints how long after its access units it arrived. */
    private void measureLatency(String streamId, String playlistPath, String dir) {
        List<long[]> samples = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Matcher hint = matcher(HINT, api().getWithoutToken(playlistPath).body());
            PartPosition position = ((LlHlsNames.Part) LlHlsNames.parse(
                    hint.group(1).substring(0, hint.group(1).indexOf('?'))).orElseThrow()).position();
            byte[] bytes = api().bytes(dir + hint.group(1));
            long arrived = System.nanoTime();
            LlHlsPart part = outputs.existing(streamId).flatMap(o -> o.part(position)).orElseThrow();
            assertThat(part.size()).isEqualTo(bytes.length);
            samples.add(new long[] {arrived - part.lastUnitNanos(), arrived - part.firstUnitNanos(),
                    part.publishedNanos() - part.lastUnitNanos()});
        }
        System.out.printf("FIGURE LL-HLS (25 fps, 200 ms parts) access unit in hub -> its part received by a client"
                        + " waiting on the preload hint, over %d parts: last unit of the part median %d ms (max %d),"
                        + " first unit median %d ms (max %d); part published %d ms after its last unit (median)%n",
                samples.size(), median(samples, 0), max(samples, 0), median(samples, 1), max(samples, 1),
                median(samples, 2));
    }

    private static long median(List<long[]> samples, int column) {
        long[] values = samples.stream().mapToLong(s -> s[column] / 1_000_000).sorted().toArray();
        return values[values.length / 2];
    }

    private static long max(List<long[]> samples, int column) {
        return samples.stream().mapToLong(s -> s[column] / 1_000_000).max().orElse(-1);
    }

    private static Matcher matcher(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in\n%s", pattern, text).isTrue();
        return matcher;
    }

    private static String tokenOf(String path) {
        return path.substring(path.indexOf("?token=") + "?token=".length());
    }

    /** {frames, width, height} FFmpeg decodes from the fMP4 pieces concatenated. */
    private static int[] decode(byte[]... pieces) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            file.writeBytes(piece);
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(file.toByteArray()), 0)) {
            grabber.setFormat("mp4");
            grabber.start();
            int frames = 0;
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
