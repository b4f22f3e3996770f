package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.simulator.SimulatedCamera;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 6: webhook subscriptions, signed deliveries from the durable outbox, retries, order, dead letters, replay. */
class WebhooksTest extends GatewayTestBase {

    private String subscribe(HookReceiver receiver, String secret, String events) {
        ApiClient.Response created = api().post("/api/webhooks", "{\"url\":\"" + receiver.url() + "\",\"secret\":\""
                + secret + "\",\"events\":" + events + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(secret);
        return created.json().get("id").asText();
    }

    @Test
    void deliveriesAreSignedRetriedAndArriveInOrderAfterTheReceiverWasDown() throws Exception {
        String secret = "hook-secret-" + System.nanoTime();
        try (HookReceiver receiver = new HookReceiver(secret)) {
            receiver.failNext.set(3);
            String id = subscribe(receiver, secret, "[\"device.online\",\"device.offline\"]");
            assertThat(api().get("/api/webhooks").body()).contains(id).contains(receiver.url());

            String[] a = newIds();
            String[] b = newIds();
            SimulatedCamera cameraA = camera(deviceConfig(a[0], a[1], PASSWORD, SipTransport.UDP),
                    testPattern("a", 160, 120));
            camera(deviceConfig(b[0], b[1], PASSWORD, SipTransport.UDP), testPattern("b", 160, 120));
            Set<String> mine = Set.of(a[0], b[0]);

            Awaiting.until(Duration.ofSeconds(20), "both online hooks acknowledged",
                    () -> receiver.acknowledged(h -> mine.contains(h.deviceId())).size() == 2);
            HookReceiver.Hook first = receiver.acknowledged(h -> mine.contains(h.deviceId())).get(0);
            assertThat(first.deviceId()).isEqualTo(a[0]);
            assertThat(first.type()).isEqualTo("device.online");
            assertThat(first.body().get("type").asText()).isEqualTo("device.online");
            // the first delivery was refused three times and sent again with the same key each time
            assertThat(receiver.all()).filteredOn(h -> h.idempotencyKey().equals(first.idempotencyKey()))
                    .extracting(HookReceiver.Hook::answered).containsExactly(500, 500, 500, 200);

            // the receiver goes down; hooks queue up and are retried
            receiver.stop();
            cameraA.agent().unregister().get(10, TimeUnit.SECONDS);
            String[] c = newIds();
            camera(deviceConfig(c[0], c[1], PASSWORD, SipTransport.UDP), testPattern("c", 160, 120));
            Awaiting.until(Duration.ofSeconds(20), "a failed attempt recorded", () -> {
                JsonNode head = api().get("/api/webhooks/" + id + "/deliveries").json();
                for (JsonNode delivery : head) {
                    if ("pending".equals(delivery.get("state").asText()) && delivery.get("attempts").asInt() >= 2) {
                        assertThat(delivery.get("lastError").asText()).contains("no answer");
                        return true;
                    }
                }
                return false;
            });
            receiver.start();

            Set<String> all = Set.of(a[0], b[0], c[0]);
            Awaiting.until(Duration.ofSeconds(30), "four hooks acknowledged",
                    () -> receiver.acknowledged(h -> all.contains(h.deviceId())).size() == 4);
            List<String> sequence = receiver.acknowledged(h -> all.contains(h.deviceId())).stream()
                    .map(h -> h.type() + " " + h.deviceId()).toList();
            assertThat(sequence).containsExactly("device.online " + a[0], "device.online " + b[0],
                    "device.offline " + a[0], "device.online " + c[0]);
            assertThat(receiver.all()).allMatch(HookReceiver.Hook::signatureValid, "signature valid");
            Awaiting.until(Duration.ofSeconds(10), "outbox drained", () -> {
                for (JsonNode delivery : api().get("/api/webhooks/" + id + "/deliveries").json()) {
                    if (!"delivered".equals(delivery.get("state").asText())) {
                        return false;
                    }
                }
                return true;
            });
            assertThat(api().delete("/api/webhooks/" + id).status()).isEqualTo(204);
        }
    }

    @Test
    void aDeliveryThatKeepsFailingBecomesADeadLetterAndCanBeReplayed() throws Exception {
        String secret = "dead-letter-secret";
        try (HookReceiver receiver = new HookReceiver(secret)) {
            receiver.status = 500;
            String id = subscribe(receiver, secret, "[\"device.online\"]");
            String[] ids = newIds();
            camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("dead", 160, 120));

            Awaiting.until(Duration.ofSeconds(30), "dead letter", () -> api().get("/api/webhooks/" + id
                    + "/deliveries").body().contains("\"state\":\"dead\""));
            JsonNode dead = api().get("/api/webhooks/" + id + "/deliveries").json().get(0);
            assertThat(dead.get("attempts").asInt()).isEqualTo(6);
            assertThat(dead.get("lastStatus").asInt()).isEqualTo(500);
            assertThat(dead.get("lastError").asText()).startsWith("HTTP 500");
            long deliveryId = dead.get("id").asLong();

            receiver.status = 200;
            ApiClient.Response replay = api().post("/api/webhooks/deliveries/" + deliveryId + "/replay");
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            Awaiting.until(Duration.ofSeconds(10), "replayed delivery acknowledged",
                    () -> !receiver.acknowledged(h -> ids[0].equals(h.deviceId())).isEmpty());
            assertThat(receiver.acknowledged(h -> ids[0].equals(h.deviceId())).get(0).idempotencyKey())
                    .isEqualTo(dead.get("idempotencyKey").asText());
            Awaiting.until(Duration.ofSeconds(10), "delivered", () -> "delivered".equals(
                    api().get("/api/webhooks/" + id + "/deliveries").json().get(0).get("state").asText()));

            assertThat(api().post("/api/webhooks/deliveries/987654321/replay").status()).isEqualTo(404);
            assertThat(api().delete("/api/webhooks/" + id).status()).isEqualTo(204);
            assertThat(api().delete("/api/webhooks/" + id).status()).isEqualTo(404);
            assertThat(api().get("/api/webhooks/" + id + "/deliveries").status()).isEqualTo(404);
            assertThat(api().get("/api/webhooks").body()).doesNotContain(id);
        }
    }

    @Test
    void badSubscriptionsAreRefused() {
        assertThat(api().post("/api/webhooks", "{\"url\":\"ftp://127.0.0.1/x\",\"secret\":\"s\",\"events\":[\"*\"]}")
                .body()).contains("http or https");
        ApiClient.Response unknownType = api().post("/api/webhooks",
                "{\"url\":\"http://127.0.0.1:9/x\",\"secret\":\"s\",\"events\":[\"device.exploded\"]}");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.body()).contains("unknown hook type device.exploded");
        assertThat(api().post("/api/webhooks", "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"*\"]}").status())
                .isEqualTo(400);
        assertThat(api().post("/api/webhooks", "{\"url\":\"http://no-such-host.invalid/x\",\"secret\":\"s\","
                + "\"events\":[\"*\"]}").body()).contains("does not resolve");
    }
}
