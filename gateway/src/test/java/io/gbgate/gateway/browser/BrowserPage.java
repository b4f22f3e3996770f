package io.gbgate.gateway.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One page (tab) of the headless browser, attached in flat mode. Scripts run with
 * {@code Runtime.evaluate}, awaiting promises and returning values as JSON; what the page logs and
 * throws is kept, so a failing test can show it.
 */
public final class BrowserPage {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private final CdpConnection cdp;
    private final String sessionId;
    private final List<String> log = new ArrayList<>();

    BrowserPage(CdpConnection cdp, String sessionId) {
        this.cdp = cdp;
        this.sessionId = sessionId;
        cdp.onEvent(event -> {
            if (sessionId.equals(event.sessionId())) {
                record(event);
            }
        });
        cdp.send(sessionId, "Runtime.enable", null, COMMAND_TIMEOUT);
        cdp.send(sessionId, "Page.enable", null, COMMAND_TIMEOUT);
    }

    /**
     * Makes the browser's network fail every request whose URL matches {@code urlPattern} (DevTools
     * {@code Fetch} wildcards, e.g. {@code "*&#47;whep/*"}), as a proxy or firewall that blocks it would.
     */
    public void failRequests(String urlPattern) {
        cdp.onEvent(event -> {
            if (sessionId.equals(event.sessionId()) && event.method().equals("Fetch.requestPaused")) {
                String requestId = event.params().path("requestId").asText();
                // answered off the WebSocket's listener thread, which must stay free to receive the reply
                CompletableFuture.runAsync(() -> cdp.send(sessionId, "Fetch.failRequest", CdpConnection.params()
                        .put("requestId", requestId).put("errorReason", "BlockedByClient"), COMMAND_TIMEOUT));
            }
        });
        ObjectNode params = CdpConnection.params();
        params.putArray("patterns").addObject().put("urlPattern", urlPattern);
        cdp.send(sessionId, "Fetch.enable", params, COMMAND_TIMEOUT);
    }

    /** Loads {@code url} and waits until the document finished loading. */
    public void navigate(String url) throws InterruptedException {
        JsonNode result = cdp.send(sessionId, "Page.navigate", CdpConnection.params().put("url", url), COMMAND_TIMEOUT);
        if (result.hasNonNull("errorText")) {
            throw new AssertionError("navigation to " + url + " failed: " + result.get("errorText").asText());
        }
        waitFor("document.readyState === 'complete' && location.href.startsWith(" + quote(url) + ")",
                Duration.ofSeconds(20), "page " + url + " loaded");
    }

    /**
     * Evaluates {@code expression} in the page (a promise is awaited) and returns its value as JSON;
     * a script exception fails with its description and the page's log.
     */
    public JsonNode evaluate(String expression) {
        return evaluate(expression, COMMAND_TIMEOUT);
    }

    public JsonNode evaluate(String expression, Duration timeout) {
        ObjectNode params = CdpConnection.params().put("expression", expression).put("awaitPromise", true)
                .put("returnByValue", true).put("userGesture", true);
        JsonNode result = cdp.send(sessionId, "Runtime.evaluate", params, timeout.plusSeconds(5));
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            String description = details.path("exception").path("description").asText(details.path("text").asText());
            throw new AssertionError("script failed: " + description + "\nscript: " + expression + "\n" + logText());
        }
        return result.path("result").path("value");
    }

    /** Saves a PNG of the page's viewport (for looking at what a test saw). */
    public void screenshot(Path file) throws IOException {
        JsonNode shot = cdp.send(sessionId, "Page.captureScreenshot", CdpConnection.params().put("format", "png"),
                COMMAND_TIMEOUT);
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    /** Polls a boolean expression until it is true; fails naming what was awaited, with the page's log. */
    public void waitFor(String condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!evaluate("Boolean(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for: " + what + "\n"
                        + logText());
            }
            Thread.sleep(100);
        }
    }

    /** What the page logged and threw so far, one line each. */
    public synchronized String logText() {
        return log.isEmpty() ? "(page log empty)" : "page log:\n  " + String.join("\n  ", log);
    }

    private synchronized void record(CdpConnection.Event event) {
        switch (event.method()) {
            case "Runtime.consoleAPICalled" -> {
                StringBuilder line = new StringBuilder("console.").append(event.params().path("type").asText()).append(':');
                event.params().path("args").forEach(arg -> line.append(' ')
                        .append(arg.has("value") ? arg.get("value").asText() : arg.path("description").asText()));
                log.add(line.toString());
            }
            case "Runtime.exceptionThrown" -> {
                JsonNode details = event.params().path("exceptionDetails");
                log.add("uncaught: " + details.path("exception").path("description").asText(details.path("text").asText()));
            }
            default -> {
            }
        }
    }

    /** A JavaScript string literal of {@code text}. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\'', '\\' -> quoted.append('\\').append(c);
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('\'').toString();
    }
}
