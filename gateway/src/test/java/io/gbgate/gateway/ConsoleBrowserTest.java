package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

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
 * device tree with online state, the 1/4/9/16 grid, the stats panel, the snapshot button, and a play
 * that fails showing the gateway's diagnosis on the tile.
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
