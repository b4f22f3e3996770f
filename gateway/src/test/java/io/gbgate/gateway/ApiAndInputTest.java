package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.simulator.SimulatedCamera;
import io.gbgate.sip.device.DeviceRegistrationException;
import io.gbgate.sip.stack.SipTransport;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Authentication of API and media URLs, unknown IDs, wrong passwords and garbage on the RTP port. */
class ApiAndInputTest extends GatewayTestBase {

    @Test
    void apiNeedsTheBearerToken() {
        assertThat(api().getWithoutToken("/api/devices").status()).isEqualTo(401);
        assertThat(api().withToken("/api/devices", "wrong").status()).isEqualTo(401);
        assertThat(api().withToken("/api/devices", "wrong").json().get("message").asText()).contains("invalid");
        assertThat(api().get("/api/devices").status()).isEqualTo(200);
    }

    @Test
    void unknownIdsAreNotFoundWithAReason() {
        ApiClient.Response device = api().get("/api/devices/44010200491329999999");
        assertThat(device.status()).isEqualTo(404);
        assertThat(device.json().get("message").asText()).contains("44010200491329999999");
        assertThat(api().get("/api/devices/44010200491329999999/channels").status()).isEqualTo(404);
        ApiClient.Response play = api().post("/api/channels/44010200491319999999/play");
        assertThat(play.status()).isEqualTo(404);
        assertThat(play.json().get("message").asText()).contains("unknown channel");
        assertThat(api().delete("/api/channels/44010200491319999999/play").status()).isEqualTo(404);
        assertThat(api().get("/api/streams/nope").status()).isEqualTo(404);
    }

    @Test
    void mediaUrlsNeedAValidTokenForThatStream() throws Exception {
        String[] a = newIds();
        String[] b = newIds();
        camera(deviceConfig(a[0], a[1], PASSWORD, SipTransport.UDP),
                testPattern("a", 320, 240));
        camera(deviceConfig(b[0], b[1], PASSWORD, SipTransport.UDP),
                testPattern("b", 320, 240));
        JsonNode playA = api().post("/api/channels/" + a[1] + "/play").json();
        JsonNode playB = api().post("/api/channels/" + b[1] + "/play").json();
        String urlA = playA.get("hls").asText();
        String tokenB = playB.get("hls").asText().replaceAll(".*token=", "");
        String bare = urlA.substring(0, urlA.indexOf('?'));

        assertThat(api().getWithoutToken(urlA).status()).isEqualTo(200);
        assertThat(api().getWithoutToken(bare).status()).isEqualTo(401);
        assertThat(api().getWithoutToken(bare + "?token=" + tokenB).status()).isEqualTo(401);
        assertThat(api().getWithoutToken(bare + "?token=" + tokenB).body()).contains("not valid for this stream");
        assertThat(api().getWithoutToken(bare + "?token=123.abc").status()).isEqualTo(401);
        assertThat(api().getWithoutToken(bare.replace("index.m3u8", "segment-0.ts")).status()).isEqualTo(401);
        api().delete("/api/channels/" + a[1] + "/play");
        api().delete("/api/channels/" + b[1] + "/play");
    }

    @Test
    void wrongPasswordIsRefusedAndTheDeviceIsNotListed() {
        String[] ids = newIds();
        SimulatedCamera camera = new SimulatedCamera(deviceConfig(ids[0], ids[1], "not-the-password", SipTransport.UDP),
                testPattern("x", 320, 240), mediaEventLoops);
        try {
            camera.start();
            assertThatThrownBy(() -> camera.registered().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(DeviceRegistrationException.class)
                    .satisfies(e -> assertThat(((DeviceRegistrationException) e).statusCode()).isEqualTo(403));
            assertThat(api().get("/api/devices/" + ids[0]).status()).isEqualTo(404);

            JsonNode refused = api().get("/api/registrations/refused?deviceId=" + ids[0]).json();
            assertThat(refused).as("the installer sees why: %s", refused).singleElement().satisfies(refusal -> {
                assertThat(refusal.get("reason").asText()).isEqualTo("WRONG_PASSWORD");
                assertThat(refusal.get("status").asInt()).isEqualTo(403);
                assertThat(refusal.get("remoteHost").asText()).isEqualTo("127.0.0.1");
                assertThat(refusal.get("transport").asText()).isEqualTo("UDP");
                assertThat(refusal.get("detail").asText()).contains("global device password");
            });
            assertThat(api().get("/actuator/prometheus").body())
                    .containsPattern("gbgate_sip_register_refused_total\\{reason=\"WRONG_PASSWORD\"} [1-9]");
            assertThat(api().get("/api/registrations/refused?limit=0").status()).isEqualTo(400);
        } finally {
            camera.close();
        }
    }

    @Test
    void garbageOnTheRtpPortIsCountedAndHarmless() throws Exception {
        JsonNode before = api().get("/api/media").json();
        int port = before.get("udpPort").asInt();
        Random random = new Random(7);
        try (DatagramSocket socket = new DatagramSocket()) {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            for (int i = 0; i < 200; i++) {
                byte[] junk = new byte[1 + random.nextInt(1500)];
                random.nextBytes(junk);
                if (i % 2 == 0 && junk.length >= 12) {
                    junk[0] = (byte) 0x80; // valid RTP version, SSRC nobody registered
                    junk[1] = 96;
                }
                socket.send(new DatagramPacket(junk, junk.length, loopback, port));
            }
            byte[] truncated = {(byte) 0x80, 96, 0, 1};
            socket.send(new DatagramPacket(truncated, truncated.length, loopback, port));
        }
        Awaiting.until(java.time.Duration.ofSeconds(5), "garbage counted", () -> {
            JsonNode after = api().get("/api/media").json();
            long malformed = 0;
            for (JsonNode n : after.get("malformedDrops")) {
                malformed += n.asLong();
            }
            long malformedBefore = 0;
            for (JsonNode n : before.get("malformedDrops")) {
                malformedBefore += n.asLong();
            }
            return after.get("unknownSsrcDrops").asLong() + malformed
                    >= before.get("unknownSsrcDrops").asLong() + malformedBefore + 201;
        });
        // the gateway still plays afterwards
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP),
                testPattern("after-garbage", 320, 240));
        assertThat(api().post("/api/channels/" + ids[1] + "/play").status()).isEqualTo(200);
        api().delete("/api/channels/" + ids[1] + "/play");
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        ApiClient.Response docs = api().getWithoutToken("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/channels/{channelId}/play").contains("/api/devices");
    }
}
