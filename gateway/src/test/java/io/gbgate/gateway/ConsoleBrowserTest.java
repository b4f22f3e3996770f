package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.browser.BrowserPage;
import io.gbgate.gateway.browser.HeadlessChromium;
import io.gbgate.gateway.simulator.SimulatedCamera;
import io.gbgate.sip.device.MediaRejectedException;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console in headless Chromium, used as an operator would: sign in with the API token, the
 * device tree with online state, the 1/4/9/16 grid, the stats panel, the snapshot button, a wall of
 * four cameras playing at once, and a play that fails showing the gateway's diagnosis on the tile.
 */
class ConsoleBrowserTest extends GatewayTestBase {
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
    void signInTreeGridStatsAndSnapshot() throws Exception {
        String[] ids = newIds();
        SimulatedCamera camera = camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP),
                testPattern("console", 320, 240));
        ConsolePage console = new ConsolePage(chromium.newPage(), "http://127.0.0.1:" + httpPort);
        BrowserPage page = console.page();
        console.open();
        assertThat(page.evaluate("!document.getElementById('login').hidden").asBoolean()).as("sign-in form").isTrue();

        console.signIn("not-the-token");
        page.waitFor("document.getElementById('login-error').textContent.includes('refused')",
                Duration.ofSeconds(10), "a refused token is said so");
        assertThat(page.evaluate("document.getElementById('app').hidden").asBoolean()).isTrue();
        assertThat(page.evaluate("sessionStorage.getItem('gbgate.apiToken')").isNull()).isTrue();

        console.signIn(TOKEN);
        console.awaitSignedIn();
        assertThat(page.evaluate("sessionStorage.getItem('gbgate.apiToken')").asText()).isEqualTo(TOKEN);
        console.awaitChannel(ids[1]);
        String device = ".device[data-device-id=\"" + ids[0] + "\"]";
        assertThat(text(page, device + " > .row .state")).isEqualTo("online");
        assertThat(text(page, ConsolePage.channelSelector(ids[1]) + " .state")).isEqualTo("online");
        assertThat(text(page, ConsolePage.channelSelector(ids[1]) + " .name")).isEqualTo("camera " + ids[1]);

        console.search(ids[1]);
        page.waitFor("document.querySelectorAll('#tree .channel').length === 1 && document.querySelector("
                + BrowserPage.quote(ConsolePage.channelSelector(ids[1])) + ")", Duration.ofSeconds(10),
                "the search leaves this camera alone in the tree");
        console.search("no such camera 42");
        page.waitFor("document.getElementById('tree').textContent.includes('no camera matches')",
                Duration.ofSeconds(10), "a search without matches says so");
        console.search("");
        console.awaitChannel(ids[1]);

        for (int size : new int[] {1, 9, 16, 4}) {
            console.grid(size);
            assertThat(console.tiles()).as("tiles of grid %d", size).isEqualTo(size);
            assertThat(page.evaluate("getComputedStyle(document.getElementById('grid')).gridTemplateColumns"
                    + ".split(' ').length").asInt()).as("columns of grid %d", size).isEqualTo((int) Math.sqrt(size));
        }

        console.selectTile(2);
        page.evaluate("document.getElementById('snapshot').click()");
        assertThat(text(page, "#snapshot-message")).contains("plays no channel");

        console.selectTile(0);
        console.play(ids[1]); // default mode: WebRTC first, HLS as fallback
        assertThat(console.awaitSettled(0, Duration.ofSeconds(40))).as(page.logText()).startsWith("playing");
        assertThat(console.tileData(0).path("mode").asText()).isEqualTo("webrtc");

        console.selectTile(0);
        page.waitFor("document.getElementById('stats').textContent.includes('320×240')", Duration.ofSeconds(10),
                "stats panel shows the resolution");
        String stats = text(page, "#stats");
        assertThat(stats).contains("WebRTC", "first frame after", "H264", "RTP packets / lost", "viewers");

        page.evaluate("document.getElementById('snapshot').click()");
        page.waitFor("['ready', 'failed'].includes(document.getElementById('snapshot-panel').dataset.state)",
                Duration.ofSeconds(20), "snapshot taken");
        assertThat(text(page, "#snapshot-message")).contains(ids[1], "320×240");
        assertThat(page.evaluate("document.getElementById('snapshot-image').naturalWidth").asInt()).isEqualTo(320);
        assertThat(page.evaluate("document.getElementById('snapshot-image').naturalHeight").asInt()).isEqualTo(240);

        console.stopTile(0);
        camera.agent().unregister().get(10, TimeUnit.SECONDS);
        page.evaluate("document.getElementById('refresh').click()");
        page.waitFor("document.querySelector(" + BrowserPage.quote(device) + ").dataset.online === 'false'",
                Duration.ofSeconds(15), "the device shown offline after it unregistered");
        assertThat(text(page, device + " > .row .state")).isEqualTo("offline");
    }

    @Test
    void aWallOfFourTilesPlaysFourCamerasAtOnceAndTilesLeaveTheirStreams() throws Exception {
        int[][] sizes = {{320, 240}, {352, 288}, {256, 192}, {192, 144}};
        String[] channels = new String[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            String[] ids = newIds();
            camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP),
                    testPattern("wall" + i, sizes[i][0], sizes[i][1]));
            channels[i] = ids[1];
        }
        ConsolePage console = new ConsolePage(chromium.newPage(), "http://127.0.0.1:" + httpPort);
        console.open();
        console.signIn(TOKEN);
        console.awaitSignedIn();
        for (String channel : channels) {
            console.awaitChannel(channel);
        }
        console.grid(4);

        for (int i = 0; i < channels.length; i++) {
            console.selectTile(i);
            console.play(channels[i]);
        }
        for (int i = 0; i < channels.length; i++) {
            assertThat(console.awaitSettled(i, Duration.ofSeconds(60))).as("tile %d: %s", i, console.page().logText())
                    .startsWith("playing");
            assertThat(console.tileData(i).path("mode").asText()).isEqualTo("webrtc");
            JsonNode frames = console.awaitFrames(i, 10, Duration.ofSeconds(20));
            assertThat(frames.path("done").asBoolean()).as("tile %d decodes: %s", i, frames).isTrue();
            assertThat(frames.path("frameWidth").asInt()).as("tile %d shows its own camera", i).isEqualTo(sizes[i][0]);
            assertThat(frames.path("frameHeight").asInt()).isEqualTo(sizes[i][1]);
        }
        StringBuilder firstFrames = new StringBuilder();
        for (int i = 0; i < channels.length; i++) {
            firstFrames.append(i == 0 ? "" : " / ").append(console.tileData(i).path("firstFrameMs").asText());
        }
        System.out.println("[figures] console wall of 4 started together: click -> first frame per tile " + firstFrames
                + " ms");
        for (String channel : channels) {
            JsonNode stream = stream(channel);
            assertThat(stream.path("viewers").asInt()).as("one viewer: %s", stream).isEqualTo(1);
            assertThat(stream.path("holders")).as("held by its tile's WebRTC session: %s", stream).singleElement()
                    .satisfies(holder -> assertThat(holder.asText()).startsWith("whep:"));
        }

        console.selectTile(0);
        console.play(channels[1]); // tile 0 switches to the camera tile 1 shows
        assertThat(console.awaitSettled(0, Duration.ofSeconds(40))).startsWith("playing");
        Awaiting.until(Duration.ofSeconds(10), "tile 0 left its first camera", () -> viewers(channels[0]) == 0);
        assertThat(viewers(channels[1])).isEqualTo(2);

        console.grid(1); // tiles 1-3 go away and stop their players
        Awaiting.until(Duration.ofSeconds(10), "the removed tiles left their streams",
                () -> viewers(channels[1]) == 1 && viewers(channels[2]) == 0 && viewers(channels[3]) == 0);
        console.stopTile(0);
        Awaiting.until(Duration.ofSeconds(10), "the last tile stopped", () -> viewers(channels[1]) == 0);
    }

    /** Viewers of the channel's running stream, 0 when it has none. */
    private int viewers(String channelId) {
        return stream(channelId).path("viewers").asInt();
    }

    /** The channel's running stream as {@code GET /api/streams} shows it, or a missing node. */
    private JsonNode stream(String channelId) {
        for (JsonNode stream : api().get("/api/streams").json()) {
            if (channelId.equals(stream.path("channelId").asText()) && !"ended".equals(stream.path("state").asText())) {
                return stream;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void aFailedPlayShowsTheGatewaysDiagnosisOnTheTile() throws Exception {
        String[] ids = device(offer -> CompletableFuture.failedFuture(new MediaRejectedException(486, "Busy Here")));
        ConsolePage console = new ConsolePage(chromium.newPage(), "http://127.0.0.1:" + httpPort);
        console.open();
        console.signIn(TOKEN);
        console.awaitSignedIn();
        console.awaitChannel(ids[1]);
        console.selectTile(0);
        console.play(ids[1]);
        String state = console.awaitSettled(0, Duration.ofSeconds(30));
        assertThat(state).startsWith("failed").contains("play refused by the gateway", "502", "REFUSED", "486");
    }

    private static String text(BrowserPage page, String selector) {
        return page.evaluate("document.querySelector(" + BrowserPage.quote(selector) + ").textContent").asText();
    }
}
