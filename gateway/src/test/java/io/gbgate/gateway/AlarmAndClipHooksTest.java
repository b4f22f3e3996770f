package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.simulator.SimulatedCamera;
import io.gbgate.sip.device.DeviceSubscription;
import io.gbgate.sip.device.EventDelivery;
import io.gbgate.sip.manscdp.AlarmNotify;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 6: device alarms through the event rules (alarm hook for each, matching ones open or join an event with a
 * clip and a snapshot) and {@code clip.ready}/{@code clip.failed} hooks for clips of the clips API.
 */
class AlarmAndClipHooksTest extends GatewayTestBase {

    @DynamicPropertySource
    static void alarmRules(DynamicPropertyRegistry registry) {
        registry.add("gbgate.events.alarms.open-events", () -> true);
        registry.add("gbgate.events.alarms.methods", () -> "5");
        registry.add("gbgate.events.alarms.lowest-priority", () -> 2);
        registry.add("gbgate.events.alarms.pre-roll", () -> "3s");
        registry.add("gbgate.events.alarms.post-roll", () -> "1s");
    }

    private String subscribe(HookReceiver receiver, String secret, String events) {
        ApiClient.Response created = api().post("/api/webhooks", "{\"url\":\"" + receiver.url() + "\",\"secret\":\""
                + secret + "\",\"events\":" + events + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String data(HookReceiver.Hook hook, String field) {
        return hook.body().path("data").path(field).asText(null);
    }

    @Test
    void alarmsAreAnnouncedAndMatchingOnesOpenOrJoinAnEventWithAClip() throws Exception {
        String secret = "alarm-secret";
        try (HookReceiver receiver = new HookReceiver(secret)) {
            String subscription = subscribe(receiver, secret, "[\"alarm\"]");
            String[] ids = newIds();
            String device = ids[0];
            String channel = ids[1];
            SimulatedCamera cam = camera(deviceConfig(device, channel, PASSWORD, SipTransport.UDP),
                    testPattern("alarm", 320, 240));
            Awaiting.until(Duration.ofSeconds(10), "alarm subscription",
                    () -> cam.agent().subscriptions().stream().map(DeviceSubscription::topic).distinct().count() == 3);
            assertThat(api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"always\"}").status())
                    .isEqualTo(200);
            Instant start = Instant.now();
            String window = "?from=" + start.minusSeconds(60) + "&to=" + start.plusSeconds(600);
            Awaiting.until(Duration.ofSeconds(40), "5 s recorded", () -> {
                JsonNode ranges = api().get("/api/channels/" + channel + "/recordings" + window).json().get("ranges");
                return ranges.size() == 1 && Duration.between(Instant.parse(ranges.get(0).get("from").asText()),
                        Instant.parse(ranges.get(0).get("to").asText())).toSeconds() >= 5;
            });

            LocalDateTime at = LocalDateTime.now();
            // method 5 priority 1 matches the rules; method 2 does not; a second matching one joins the open event
            // one at a time: alarms that arrive in separate SIP transactions at the same instant have no order
            AlarmNotify[] alarms = {
                new AlarmNotify(1, channel, 1, "5", at, "intrusion", null, null, "2"),
                new AlarmNotify(2, channel, 1, "2", at, "video lost", null, null, "1"),
                new AlarmNotify(3, channel, 2, "5", at, "intrusion again", null, null, "2")};
            for (int i = 0; i < alarms.length; i++) {
                cam.agent().raiseAlarm(alarms[i], EventDelivery.SUBSCRIBERS).get(10, TimeUnit.SECONDS);
                int expected = i + 1;
                Awaiting.until(Duration.ofSeconds(20), "alarm hook " + expected,
                        () -> receiver.acknowledged(h -> device.equals(h.deviceId())).size() == expected);
            }

            Awaiting.until(Duration.ofSeconds(20), "three alarm hooks",
                    () -> receiver.acknowledged(h -> device.equals(h.deviceId())).size() == 3);
            List<HookReceiver.Hook> hooks = receiver.acknowledged(h -> device.equals(h.deviceId()));
            assertThat(hooks).allMatch(HookReceiver.Hook::signatureValid, "signature valid");
            assertThat(hooks).extracting(HookReceiver.Hook::type).containsOnly("alarm");
            assertThat(hooks).extracting(h -> data(h, "description"))
                    .containsExactly("intrusion", "video lost", "intrusion again");
            String eventId = data(hooks.get(0), "eventId");
            assertThat(eventId).startsWith("alarm-");
            assertThat(hooks.get(0).body().path("data").path("eventCreated").asBoolean()).isTrue();
            assertThat(hooks.get(0).body().path("data").path("sourceId").asText()).isEqualTo(channel);
            assertThat(hooks.get(1).body().path("data").has("eventId")).as("method 2 opens no event").isFalse();
            assertThat(data(hooks.get(2), "eventId")).isEqualTo(eventId);
            assertThat(hooks.get(2).body().path("data").path("eventCreated").asBoolean()).isFalse();

            Awaiting.until(Duration.ofSeconds(60), "alarm evidence ready", () -> {
                JsonNode evidence = api().get("/api/events/" + eventId).json().get("evidence");
                for (JsonNode item : evidence) {
                    assertThat(item.get("state").asText()).as(item.toString()).isNotEqualTo("failed");
                    if (!"ready".equals(item.get("state").asText())) {
                        return false;
                    }
                }
                return evidence.size() == 6;
            });
            JsonNode event = api().get("/api/events/" + eventId).json();
            assertThat(event.get("type").asText()).isEqualTo("alarm");
            assertThat(event.get("channels").toString()).contains(channel);
            List<String> kinds = new ArrayList<>();
            event.get("evidence").forEach(e -> kinds.add(e.get("kind").asText()));
            assertThat(kinds).containsExactly("alarm", "snapshot", "clip", "alarm", "snapshot", "clip");
            JsonNode clip = event.get("evidence").get(2);
            assertThat(api().bytes(clip.get("url").asText()).length).as("clip downloadable").isGreaterThan(1000);

            api().delete("/api/webhooks/" + subscription);
            api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"off\"}");
        }
    }

    @Test
    void everyClipOfTheClipsApiEndsWithAClipHook() throws Exception {
        String secret = "clip-secret";
        try (HookReceiver receiver = new HookReceiver(secret)) {
            String subscription = subscribe(receiver, secret, "[\"clip.ready\",\"clip.failed\"]");
            String[] ids = newIds();
            String channel = ids[1];
            camera(deviceConfig(ids[0], channel, PASSWORD, SipTransport.UDP), testPattern("cliphook", 320, 240));
            Instant start = Instant.now();
            assertThat(api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"always\"}").status())
                    .isEqualTo(200);
            String window = "?from=" + start.minusSeconds(60) + "&to=" + start.plusSeconds(600);
            Awaiting.until(Duration.ofSeconds(40), "5 s recorded", () -> {
                JsonNode ranges = api().get("/api/channels/" + channel + "/recordings" + window).json().get("ranges");
                return ranges.size() == 1 && Duration.between(Instant.parse(ranges.get(0).get("from").asText()),
                        Instant.parse(ranges.get(0).get("to").asText())).toSeconds() >= 5;
            });
            Instant from = Instant.parse(api().get("/api/channels/" + channel + "/recordings" + window).json()
                    .get("ranges").get(0).get("from").asText()).plusSeconds(1);
            String readyId = api().post("/api/clips", "{\"channelId\":\"" + channel + "\",\"from\":\"" + from
                    + "\",\"to\":\"" + from.plusSeconds(3) + "\"}").json().get("clipId").asText();
            Instant past = start.minusSeconds(3600);
            String failedId = api().post("/api/clips", "{\"channelId\":\"" + channel + "\",\"from\":\"" + past
                    + "\",\"to\":\"" + past.plusSeconds(5) + "\"}").json().get("clipId").asText();

            Awaiting.until(Duration.ofSeconds(40), "both clip hooks", () -> receiver.acknowledged(
                    h -> channel.equals(data(h, "channelId"))).size() == 2);
            List<HookReceiver.Hook> hooks = receiver.acknowledged(h -> channel.equals(data(h, "channelId")));
            assertThat(hooks).allMatch(HookReceiver.Hook::signatureValid, "signature valid");
            HookReceiver.Hook ready = hooks.stream().filter(h -> readyId.equals(data(h, "clipId"))).findFirst()
                    .orElseThrow();
            assertThat(ready.type()).isEqualTo("clip.ready");
            assertThat(ready.body().path("data").path("bytes").asLong()).isGreaterThan(1000);
            assertThat(data(ready, "sha256")).isEqualTo(api().get("/api/clips/" + readyId).json().get("sha256")
                    .asText());
            assertThat(api().get("/api/clips/" + readyId).json().get("stored").asBoolean()).isTrue();
            HookReceiver.Hook failed = hooks.stream().filter(h -> failedId.equals(data(h, "clipId"))).findFirst()
                    .orElseThrow();
            assertThat(failed.type()).isEqualTo("clip.failed");
            assertThat(data(failed, "reason")).contains("not recorded");

            api().delete("/api/webhooks/" + subscription);
            api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"off\"}");
        }
    }

    @Test
    void everyStreamIsAnnouncedStartedStoppedOrFailedHoweverShort() throws Exception {
        String secret = "stream-secret";
        try (HookReceiver receiver = new HookReceiver(secret)) {
            String subscription = subscribe(receiver, secret, "[\"stream.started\",\"stream.stopped\",\"stream.failed\"]");
            String[] ok = newIds();
            camera(deviceConfig(ok[0], ok[1], PASSWORD, SipTransport.UDP), testPattern("streamhook", 320, 240));
            String played = api().post("/api/channels/" + ok[1] + "/play").json().get("streamId").asText();
            api().delete("/api/channels/" + ok[1] + "/play");
            // a play refused at once lives for milliseconds: it must still be announced
            String[] busy = device(offer -> java.util.concurrent.CompletableFuture.failedFuture(
                    new io.gbgate.sip.device.MediaRejectedException(486, "Busy Here")));
            String refused = api().post("/api/channels/" + busy[1] + "/play").json().get("streamId").asText();

            Awaiting.until(Duration.ofSeconds(20), "three stream hooks", () -> receiver.acknowledged(
                    h -> played.equals(data(h, "streamId")) || refused.equals(data(h, "streamId"))).size() == 3);
            List<HookReceiver.Hook> hooks = receiver.acknowledged(
                    h -> played.equals(data(h, "streamId")) || refused.equals(data(h, "streamId")));
            assertThat(hooks).allMatch(HookReceiver.Hook::signatureValid, "signature valid");
            assertThat(hooks.stream().filter(h -> played.equals(data(h, "streamId"))).map(HookReceiver.Hook::type))
                    .containsExactly("stream.started", "stream.stopped");
            HookReceiver.Hook failed = hooks.stream().filter(h -> refused.equals(data(h, "streamId"))).findFirst()
                    .orElseThrow();
            assertThat(failed.type()).isEqualTo("stream.failed");
            assertThat(data(failed, "reason")).contains("486");
            api().delete("/api/webhooks/" + subscription);
        }
    }
}
