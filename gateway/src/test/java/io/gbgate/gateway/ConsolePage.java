package io.gbgate.gateway;

import static io.gbgate.gateway.browser.BrowserPage.quote;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.browser.BrowserPage;
import java.time.Duration;

/** The web console in a headless browser page, operated the way an operator would: through its DOM. */
final class ConsolePage {
    private final BrowserPage page;
    private final String base;

    ConsolePage(BrowserPage page, String base) {
        this.page = page;
        this.base = base;
    }

    BrowserPage page() {
        return page;
    }

    void open() throws InterruptedException {
        page.navigate(base + "/console/");
    }

    /** Types the token into the sign-in form and submits it. */
    void signIn(String token) {
        page.evaluate("document.getElementById('token').value = " + quote(token) + ";"
                + "document.querySelector('#login button[type=submit]').click()");
    }

    void awaitSignedIn() throws InterruptedException {
        page.waitFor("!document.getElementById('app').hidden", Duration.ofSeconds(10), "console signed in");
    }

    void awaitChannel(String channelId) throws InterruptedException {
        page.waitFor("document.querySelector(" + quote(channelSelector(channelId)) + ")", Duration.ofSeconds(15),
                "channel " + channelId + " in the tree");
    }

    static String channelSelector(String channelId) {
        return ".channel[data-channel-id=\"" + channelId + "\"]";
    }

    /** Types {@code text} into the camera search box (the tree then asks the server after a short pause). */
    void search(String text) {
        page.evaluate("(() => { const box = document.getElementById('channel-search'); box.value = " + quote(text)
                + "; box.dispatchEvent(new Event('input')); })()");
    }

    void mode(String mode) {
        page.evaluate("document.getElementById('mode').value = " + quote(mode));
    }

    void grid(int size) {
        page.evaluate("document.querySelector('[data-grid=\"" + size + "\"]').click()");
    }

    int tiles() {
        return page.evaluate("document.querySelectorAll('#grid .tile').length").asInt();
    }

    void selectTile(int index) {
        page.evaluate(tile(index) + ".click()");
    }

    /** Clicks the channel in the tree: it plays in the selected tile. */
    void play(String channelId) {
        page.evaluate("document.querySelector(" + quote(channelSelector(channelId)) + ").click()");
    }

    /** Waits until the tile leaves "starting" and returns its state. */
    String awaitSettled(int index, Duration limit) throws InterruptedException {
        page.waitFor("['playing', 'failed'].includes(" + tile(index) + ".dataset.state)", limit,
                "tile " + index + " playing or failed (now: " + tileState(index) + ")");
        return tileState(index);
    }

    String tileState(int index) {
        return page.evaluate(tile(index) + ".dataset.state + ' ' + " + tile(index)
                + ".querySelector('.tile-message').textContent").asText();
    }

    JsonNode tileData(int index) {
        return page.evaluate("({...(" + tile(index) + ".dataset)})");
    }

    void stopTile(int index) {
        page.evaluate(tile(index) + ".querySelector('.tile-stop').click()");
    }

    /**
     * Counts {@code frames} presentation callbacks of the tile's video (each one a decoded frame that
     * was shown) and reports them with the element's and the frames' dimensions.
     */
    JsonNode awaitFrames(int index, int frames, Duration limit) {
        return page.evaluate("""
                (async () => {
                  const video = %s.querySelector('video');
                  let count = 0, last = {};
                  const done = await new Promise((resolve) => {
                    const step = (now, metadata) => {
                      count++;
                      last = metadata;
                      if (count >= %d) resolve(true); else video.requestVideoFrameCallback(step);
                    };
                    video.requestVideoFrameCallback(step);
                    setTimeout(() => resolve(false), %d);
                  });
                  const quality = video.getVideoPlaybackQuality();
                  return { done, count, videoWidth: video.videoWidth, videoHeight: video.videoHeight,
                           frameWidth: last.width, frameHeight: last.height, presentedFrames: last.presentedFrames,
                           totalVideoFrames: quality.totalVideoFrames, src: video.src, srcObject: Boolean(video.srcObject) };
                })()""".formatted(tile(index), frames, limit.toMillis()), limit.plusSeconds(5));
    }

    private static String tile(int index) {
        return "document.querySelector('#grid .tile[data-index=\"" + index + "\"]')";
    }
}
