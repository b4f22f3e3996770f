package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.browser.BrowserPage;
import io.gbgate.gateway.browser.HeadlessChromium;
import io.gbgate.gateway.simulator.G711Tone;
import io.gbgate.gateway.simulator.MuxedFeed;
import io.gbgate.gateway.simulator.TestPatternFeed;
import io.gbgate.media.source.TestPatternConfig;
import io.gbgate.sip.stack.SipTransport;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console plays a simulated camera in real headless Chromium, over WebRTC (WHEP) and over HLS
 * (hls.js from the WebJar), and the browser proves it decoded the pictures: frame callbacks fire and
 * the video has the camera's dimensions. Prints the time from the play request to the first decoded
 * frame: the test's first play (the first of its kind in this JVM and browser: class loading, JIT), a
 * play that starts the stream again (INVITE, first keyframe) and one that joins the running stream.
 */
class BrowserPlaybackTest extends GatewayTestBase {
    private static final int FRAMES = 25;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = HeadlessChromium.launch();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void playsTheCameraOverWebRtc() throws Exception {
        playsAndDecodes("webrtc", 352, 288);
    }

    @Test
    void playsTheCameraOverHls() throws Exception {
        playsAndDecodes("hls", 320, 240);
    }

    @Test
    void fallsBackToHlsWhenWhepIsBlocked() throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("browser-fallback", 320, 240));
        ConsolePage console = new ConsolePage(chromium.newPage(), "http://127.0.0.1:" + httpPort);
        console.page().failRequests("*/whep/*");
        console.open();
        console.signIn(TOKEN);
        console.awaitSignedIn();
        console.awaitChannel(ids[1]);
        console.grid(1);
        console.mode("auto");
        playAndCheck(console, ids[1], "hls", 320, 240);
        assertThat(console.tileState(0)).contains("playing over HLS because WebRTC:", "WHEP endpoint unreachable");
        console.stopTile(0);
    }

    /**
     * An H.265 camera in a browser without HEVC WebRTC (headless Chromium offers no H265): the WHEP
     * session gets the stream's H.264 transcode, the browser decodes it at the camera's size, the
     * stream's stats show the transcoder with this one viewer, and it stops when the session is deleted.
     */
    @Test
    void playsAnH265CameraOverWebRtcThroughTheTranscoder() throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), HevcClip.camera(FEEDS));
        ConsolePage console = openConsole(ids[1], "webrtc");
        JsonNode tile = playAndCheck(console, ids[1], "webrtc", HevcClip.CAMERA_WIDTH, HevcClip.CAMERA_HEIGHT);
        String streamId = streamOf(ids[1]);
        JsonNode stream = api().get("/api/streams/" + streamId).json();
        assertThat(stream.path("codec").asText()).isEqualTo("H265");
        JsonNode transcode = stream.path("transcode");
        assertThat(transcode.path("viewers").asInt()).as("transcoder viewers: %s", transcode).isEqualTo(1);
        assertThat(transcode.path("stats").path("framesEncoded").asLong()).isGreaterThanOrEqualTo(FRAMES);
        System.out.printf("FIGURE browser WebRTC/WHEP of an H.265 camera through the H.264 transcoder (%s, %dx%d,"
                        + " 1 s GOP): play request to first decoded frame %s ms %s; transcoder %s%n",
                chromium.version(), HevcClip.CAMERA_WIDTH, HevcClip.CAMERA_HEIGHT, tile.path("firstFrameMs").asText(),
                steps(tile), transcode.path("stats"));

        console.stopTile(0); // the console DELETEs its WHEP session
        Awaiting.until(Duration.ofSeconds(10), "transcoder stopped after the browser's WHEP session ended",
                () -> api().get("/api/streams/" + streamId).json().path("transcode").isMissingNode()
                        || api().get("/api/streams/" + streamId).json().path("transcode").isNull());
        assertThat(api().delete("/api/channels/" + ids[1] + "/play").status()).isEqualTo(204);
    }

    /**
     * An H.265 camera over HLS in a browser whose Media Source Extensions cannot take HEVC: the console
     * asks for the MPEG-TS playlist with codec=h264 and hls.js plays the transcode.
     */
    @Test
    void playsAnH265CameraOverHlsThroughTheTranscoder() throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), HevcClip.camera(FEEDS));
        ConsolePage console = openConsole(ids[1], "hls");
        boolean hevcMse = console.page().evaluate(
                "MediaSource.isTypeSupported('video/mp4; codecs=\"hvc1.1.6.L93.B0\"')").asBoolean();
        assumeFalse(hevcMse, chromium.version() + " plays HEVC through MSE: no transcode needed for HLS");
        JsonNode tile = playAndCheck(console, ids[1], "hls", HevcClip.CAMERA_WIDTH, HevcClip.CAMERA_HEIGHT);
        String streamId = streamOf(ids[1]);
        JsonNode transcode = api().get("/api/streams/" + streamId).json().path("transcode");
        assertThat(transcode.path("viewers").asInt()).as("the H.264 HLS holds the transcoder: %s", transcode)
                .isEqualTo(1);
        System.out.printf("FIGURE browser HLS/hls.js of an H.265 camera through the H.264 transcoder (%s, %dx%d,"
                        + " 1 s GOP, 2 s segments): play request to first decoded frame %s ms %s%n",
                chromium.version(), HevcClip.CAMERA_WIDTH, HevcClip.CAMERA_HEIGHT, tile.path("firstFrameMs").asText(),
                steps(tile));
        console.stopTile(0);
        assertThat(api().delete("/api/channels/" + ids[1] + "/play").status()).isEqualTo(204);
    }

    /**
     * A camera with a microphone over MPEG-TS HLS in the browser: its G.711 becomes AAC, which the first segment
     * already carries, so hls.js sets up an audio track next to the video (it never adds one later) and plays.
     * (The console prefers LL-HLS, whose fMP4 carries no audio yet; WebRTC sends the G.711 itself.)
     */
    @Test
    void hlsJsPlaysTheMpegTsOfACameraWithG711WithAnAudioTrack() throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), () -> new MuxedFeed(
                new TestPatternFeed(TestPatternConfig.of("browser-tone", 320, 240, 25), FEEDS),
                PooledByteBufAllocator.DEFAULT, new G711Tone(440)));
        JsonNode play = api().post("/api/channels/" + ids[1] + "/play").json();
        BrowserPage page = chromium.newPage();
        page.navigate("http://127.0.0.1:" + httpPort + "/console/");
        JsonNode result = page.evaluate("""
                (async () => {
                  const Hls = (await import('/webjars/hls.js/dist/hls.mjs')).default;
                  const video = document.createElement('video');
                  video.muted = true;
                  document.body.append(video);
                  const hls = new Hls();
                  const tracks = new Promise((resolve) => hls.on(Hls.Events.BUFFER_CODECS, (event, data) =>
                    resolve(Object.keys(data).filter((kind) => data[kind]).sort()
                      .map((kind) => kind + ' ' + data[kind].codec))));
                  hls.loadSource(%s);
                  hls.attachMedia(video);
                  video.play().catch(() => {});
                  const found = await Promise.race([tracks, new Promise((r) => setTimeout(() => r(null), 20000))]);
                  const frames = await new Promise((resolve) => {
                    let count = 0;
                    const step = () => { if (++count >= 50) resolve(count); else video.requestVideoFrameCallback(step); };
                    video.requestVideoFrameCallback(step);
                    setTimeout(() => resolve(count), 15000);
                  });
                  hls.destroy();
                  return { tracks: found, frames };
                })()""".formatted(BrowserPage.quote(play.get("hls").asText())), Duration.ofSeconds(45));
        assertThat(result.path("tracks")).as("hls.js tracks: %s", result).hasSize(2);
        assertThat(result.path("tracks").get(0).asText()).startsWith("audio mp4a.40");
        assertThat(result.path("tracks").get(1).asText()).startsWith("video avc1");
        assertThat(result.path("frames").asInt()).as("pictures shown").isGreaterThanOrEqualTo(50);
        api().delete("/api/channels/" + ids[1] + "/play");
    }

    private ConsolePage openConsole(String channelId, String mode) throws InterruptedException {
        ConsolePage console = new ConsolePage(chromium.newPage(), "http://127.0.0.1:" + httpPort);
        console.open();
        console.signIn(TOKEN);
        console.awaitSignedIn();
        console.awaitChannel(channelId);
        console.grid(1);
        console.mode(mode);
        return console;
    }

    /** The ID of the channel's running stream. */
    private String streamOf(String channelId) {
        for (JsonNode stream : api().get("/api/streams").json()) {
            if (stream.path("channelId").asText().equals(channelId)) {
                return stream.path("streamId").asText();
            }
        }
        throw new AssertionError("no running stream of channel " + channelId);
    }

    private void playsAndDecodes(String mode, int width, int height) throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("browser-" + mode, width, height));
        ConsolePage console = openConsole(ids[1], mode);

        JsonNode first = playAndCheck(console, ids[1], mode, width, height);
        console.stopTile(0); // leaves; the stream stays for the idle grace, so the next play is warm
        JsonNode warm = playAndCheck(console, ids[1], mode, width, height);
        console.stopTile(0);
        ApiClient.Response stopped = api().delete("/api/channels/" + ids[1] + "/play"); // BYE now, for everyone
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(204);
        Awaiting.until(Duration.ofSeconds(10), "stream stopped", () -> !api().get("/api/streams").body().contains(ids[1]));
        JsonNode restarted = playAndCheck(console, ids[1], mode, width, height);
        System.out.printf("FIGURE browser %s (%s, %dx%d test pattern, 1 s GOP): play request to first decoded frame:"
                        + " first play of this test %s ms %s; stream restarted (INVITE again) %s ms %s;"
                        + " stream already running %s ms %s%n",
                mode.equals("webrtc") ? "WebRTC/WHEP" : "HLS/hls.js", chromium.version(), width, height,
                first.path("firstFrameMs").asText(), steps(first), restarted.path("firstFrameMs").asText(),
                steps(restarted), warm.path("firstFrameMs").asText(), steps(warm));
        console.stopTile(0);
    }

    /** The tile's step times in ms after the play request (play answer, WHEP answer, ICE, DTLS, first frame). */
    private static String steps(JsonNode tile) {
        StringBuilder steps = new StringBuilder();
        tile.fields().forEachRemaining(field -> {
            if (field.getKey().endsWith("Ms")) {
                steps.append(steps.isEmpty() ? "" : " ").append(field.getKey(), 0, field.getKey().length() - 2)
                        .append('=').append(field.getValue().asText());
            }
        });
        return "{" + steps + "}";
    }

    private JsonNode playAndCheck(ConsolePage console, String channelId, String mode, int width, int height)
            throws InterruptedException {
        console.selectTile(0);
        console.play(channelId);
        String state = console.awaitSettled(0, Duration.ofSeconds(40));
        assertThat(state).as(console.page().logText()).startsWith("playing");
        JsonNode tile = console.tileData(0);
        assertThat(tile.path("mode").asText()).isEqualTo(mode);

        JsonNode frames = console.awaitFrames(0, FRAMES, Duration.ofSeconds(20));
        assertThat(frames.path("done").asBoolean()).as("%d frame callbacks: %s", FRAMES, frames).isTrue();
        assertThat(frames.path("videoWidth").asInt()).as("videoWidth").isEqualTo(width);
        assertThat(frames.path("videoHeight").asInt()).as("videoHeight").isEqualTo(height);
        assertThat(frames.path("frameWidth").asInt()).as("decoded frame width").isEqualTo(width);
        assertThat(frames.path("frameHeight").asInt()).as("decoded frame height").isEqualTo(height);
        assertThat(frames.path("totalVideoFrames").asInt()).as("frames decoded").isGreaterThanOrEqualTo(FRAMES);
        if (mode.equals("webrtc")) {
            assertThat(frames.path("srcObject").asBoolean()).as("a WebRTC MediaStream plays").isTrue();
        } else {
            assertThat(frames.path("src").asText()).as("hls.js plays through Media Source Extensions")
                    .startsWith("blob:");
        }
        return tile;
    }
}
