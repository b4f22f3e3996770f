package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, event mode: the channel is held with a pre-roll buffer; an event records from pre-roll before it to
 * post-roll after the last event, and the recording is indexed and plays back like continuous recording.
 */
class EventRecordingTest extends GatewayTestBase {
    private static final int PRE_ROLL = 4;
    private static final int POST_ROLL = 3;
    /** The test pattern's GOP is one second; recorded ranges may differ from the asked ones by one GOP. */
    private static final long GOP_MILLIS = 1000;
    private static final long TOLERANCE_MILLIS = GOP_MILLIS + 300;

    @Test
    void anEventRecordsPreRollBeforeItAndPostRollAfterTheLastEvent() throws Exception {
        String[] ids = newIds();
        String channel = ids[1];
        camera(deviceConfig(ids[0], channel, PASSWORD, SipTransport.UDP), testPattern("event", 320, 240));
        Instant start = Instant.now();

        ApiClient.Response plan = api().put("/api/channels/" + channel + "/recording-plan",
                "{\"mode\":\"event\",\"preRollSeconds\":" + PRE_ROLL + ",\"postRollSeconds\":" + POST_ROLL + "}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        Awaiting.until(Duration.ofSeconds(40), "pre-roll buffer of 6 s",
                () -> event(channel) != null && event(channel).get("bufferedMillis").asLong() >= 6000);
        String window = "?from=" + start.minusSeconds(60) + "&to=" + start.plusSeconds(600);
        // armed, buffering, but nothing recorded before an event
        assertThat(api().get("/api/channels/" + channel + "/recordings" + window).json().get("ranges")).isEmpty();
        assertThat(api().get("/api/streams").body()).contains(channel);

        Instant first = Instant.now();
        ApiClient.Response triggered = api().post("/api/channels/" + channel + "/recording-events",
                "{\"reason\":\"motion\",\"at\":\"" + first + "\"}");
        assertThat(triggered.status()).as(triggered.body()).isEqualTo(202);
        assertThat(triggered.json().get("startedRecording").asBoolean()).isTrue();
        Instant recordingFrom = Instant.parse(triggered.json().get("recordingFrom").asText());
        assertThat(Duration.between(recordingFrom, first.minusSeconds(PRE_ROLL)).toMillis())
                .as("pre-roll starts at the keyframe at or before the asked start").isBetween(0L, TOLERANCE_MILLIS);

        Thread.sleep(2000);
        Instant second = Instant.now();
        ApiClient.Response extended = api().post("/api/channels/" + channel + "/recording-events",
                "{\"reason\":\"face hit\"}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(202);
        assertThat(extended.json().get("startedRecording").asBoolean()).as("extends, no new recording").isFalse();
        Instant until = Instant.parse(extended.json().get("recordingUntil").asText());
        assertThat(Duration.between(second.plusSeconds(POST_ROLL), until).abs().toMillis()).isLessThan(500);

        Awaiting.until(Duration.ofSeconds(30), "event recording finished and indexed", () -> {
            JsonNode event = event(channel);
            JsonNode ranges = api().get("/api/channels/" + channel + "/recordings" + window).json().get("ranges");
            return !event.get("recording").asBoolean() && ranges.size() == 1
                    && !Instant.parse(ranges.get(0).get("to").asText()).isBefore(until.minusMillis(TOLERANCE_MILLIS));
        });
        JsonNode event = event(channel);
        assertThat(event.get("triggers").asLong()).isEqualTo(2);
        assertThat(event.get("recordings").asLong()).isEqualTo(1);
        assertThat(event.get("lastReason").asText()).isEqualTo("face hit");

        JsonNode recordings = api().get("/api/channels/" + channel + "/recordings" + window).json();
        JsonNode range = recordings.get("ranges").get(0);
        Instant from = Instant.parse(range.get("from").asText());
        Instant to = Instant.parse(range.get("to").asText());
        assertThat(Duration.between(from, first.minusSeconds(PRE_ROLL)).toMillis())
                .as("recorded from %s, event at %s", from, first).isBetween(-300L, TOLERANCE_MILLIS);
        assertThat(Duration.between(until, to).abs().toMillis())
                .as("recorded until %s, post-roll ends %s", to, until).isLessThan(TOLERANCE_MILLIS);

        // the segments decode: play the recorded range back as HLS VOD
        int expectedFrames = (int) (Duration.between(from, to).toMillis() / 40);
        HlsProbe.Result vod = HlsProbe.play(api(), recordings.get("hls").asText(), expectedFrames - 30,
                Duration.ofSeconds(20));
        assertThat(vod.width()).isEqualTo(320);
        assertThat(vod.frames()).isBetween(expectedFrames - 30, expectedFrames + 30);

        // still armed: a later event records again, the buffer was not replayed twice
        Thread.sleep(1500);
        ApiClient.Response again = api().post("/api/channels/" + channel + "/recording-events",
                "{\"reason\":\"door\"}");
        assertThat(again.json().get("startedRecording").asBoolean()).isTrue();
        assertThat(Instant.parse(again.json().get("recordingFrom").asText())).isAfter(to.minusMillis(1));
        api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"off\"}");
        assertThat(api().get("/api/recording").json().get("channels").toString()).doesNotContain(channel);
    }

    @Test
    void eventsAreRefusedClearlyWhereTheyCannotBeRecorded() throws Exception {
        String[] ids = newIds();
        String channel = ids[1];
        camera(deviceConfig(ids[0], channel, PASSWORD, SipTransport.UDP), testPattern("noevent", 320, 240));
        String path = "/api/channels/" + channel + "/recording-events";
        ApiClient.Response noPlan = api().post(path, "{\"reason\":\"motion\"}");
        assertThat(noPlan.status()).isEqualTo(409);
        assertThat(noPlan.json().get("message").asText()).contains("no event-mode recording plan");
        assertThat(api().post(path, "{}").status()).isEqualTo(400);
        assertThat(api().post("/api/channels/44010200491319999997/recording-events", "{\"reason\":\"x\"}").status())
                .isEqualTo(404);

        api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"event\",\"preRollSeconds\":2}");
        Awaiting.until(Duration.ofSeconds(40), "event recording armed", () -> event(channel) != null
                && "recording".equals(channel(channel).get("state").asText()));
        ApiClient.Response future = api().post(path, "{\"reason\":\"x\",\"at\":\"" + Instant.now().plusSeconds(60)
                + "\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("message").asText()).contains("future");
        assertThat(api().post(path, "{\"reason\":\"x\",\"at\":\"soon\"}").status()).isEqualTo(400);
        api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"off\"}");
    }

    private JsonNode channel(String channelId) {
        for (JsonNode c : api().get("/api/recording").json().get("channels")) {
            if (c.get("channelId").asText().equals(channelId)) {
                return c;
            }
        }
        return null;
    }

    private JsonNode event(String channelId) {
        JsonNode c = channel(channelId);
        return c == null || c.get("event") == null || c.get("event").isNull() ? null : c.get("event");
    }
}
