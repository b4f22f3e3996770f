package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Streams beyond the shared UDP port's SSRC space get a UDP port of their own, so the number of
 * streams is not capped by the 9,999 live SSRCs of a domain (shrunk to 1 here).
 */
class SharedPortOverflowTest extends GatewayTestBase {

    @DynamicPropertySource
    static void oneSsrcOnTheSharedPort(DynamicPropertyRegistry registry) {
        registry.add("gbgate.media.shared-port-ssrcs", () -> 1);
        registry.add("gbgate.media.udp-port-range", () -> "47400-47499");
    }

    @Test
    void secondUdpStreamGetsAPortOfItsOwnAndBothPlay() throws Exception {
        String[] a = newIds();
        String[] b = newIds();
        camera(deviceConfig(a[0], a[1], PASSWORD, SipTransport.UDP), testPattern("a", 320, 240));
        camera(deviceConfig(b[0], b[1], PASSWORD, SipTransport.UDP), testPattern("b", 320, 240));
        JsonNode first = api().post("/api/channels/" + a[1] + "/play?transport=udp").json();
        JsonNode second = api().post("/api/channels/" + b[1] + "/play?transport=udp").json();
        int sharedPort = api().get("/api/media").json().get("udpPort").asInt();
        JsonNode streamA = api().get("/api/streams/" + first.get("streamId").asText()).json();
        JsonNode streamB = api().get("/api/streams/" + second.get("streamId").asText()).json();
        assertThat(streamA.get("localPort").asInt()).isEqualTo(sharedPort);
        assertThat(streamB.get("localPort").asInt()).isBetween(47400, 47499);
        assertThat(HlsProbe.play(api(), second.get("hls").asText(), 25, Duration.ofSeconds(30)).width()).isEqualTo(320);
        api().delete("/api/channels/" + a[1] + "/play");
        api().delete("/api/channels/" + b[1] + "/play");
        // the shared SSRC is free again: the next UDP stream is back on the shared port
        JsonNode again = api().post("/api/channels/" + b[1] + "/play?transport=udp").json();
        assertThat(api().get("/api/streams/" + again.get("streamId").asText()).json().get("localPort").asInt())
                .isEqualTo(sharedPort);
        api().delete("/api/channels/" + b[1] + "/play");
    }
}
