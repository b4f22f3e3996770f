package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The console's pages and hls.js (from its WebJar) are served without a token; the API and the media
 * URLs they use stay protected.
 */
class ConsoleResourcesTest extends GatewayTestBase {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void rootRedirectsToTheConsole() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/console/"));
        assertThat(get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void consoleAndHlsJsNeedNoToken() throws Exception {
        HttpResponse<String> page = get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>gbgate console</title>", "main.js");
        for (String module : new String[] {"/console/main.js", "/console/player.js", "/console/whep.js",
                "/webjars/hls.js/dist/hls.mjs"}) {
            HttpResponse<String> script = get(module);
            assertThat(script.statusCode()).as(module).isEqualTo(200);
            // browsers refuse ES modules served with any other type
            assertThat(script.headers().firstValue("Content-Type")).as(module).hasValueSatisfying(
                    type -> assertThat(type).contains("javascript"));
        }
        assertThat(get("/webjars/hls.js/dist/hls.mjs").body()).contains("export { Hls as default }");
    }

    @Test
    void whatTheConsoleCallsStaysProtected() throws Exception {
        assertThat(get("/api/devices").statusCode()).isEqualTo(401);
        assertThat(get("/api/channels/44010200491310000001/snapshot").statusCode()).isEqualTo(401);
        assertThat(get("/media/any-stream/index.m3u8").statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(uri("/whep/any-stream")).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString("v=0\r\n")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }
}
