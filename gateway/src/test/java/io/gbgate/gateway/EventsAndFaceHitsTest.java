package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.sip.device.SipDeviceConfig;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.stack.SipTransport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: a face hit on a recording simulated camera ends with an event holding a decodable clip, a JPEG snapshot
 * and the engine's image; the rules (threshold, de-duplication, open event, closed event) decide the linking.
 */
class EventsAndFaceHitsTest extends GatewayTestBase {

    @Test
    void aFaceHitOnARecordingCameraEndsWithAClipAndASnapshot() throws Exception {
        String secret = "face-hit-secret";
        try (HookReceiver receiver = new HookReceiver(secret)) {
            String subscription = api().post("/api/webhooks", "{\"url\":\"" + receiver.url() + "\",\"secret\":\""
                    + secret + "\",\"events\":[\"face_hit.linked\",\"clip.ready\",\"clip.failed\","
                    + "\"event.evidence_changed\"]}").json().get("id").asText();
            String[] ids = newIds();
            String channel = ids[1];
            camera(deviceConfig(ids[0], channel, PASSWORD, SipTransport.UDP), testPattern("face", 320, 240));
            Instant start = Instant.now();
            assertThat(api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"always\"}").status())
                    .isEqualTo(200);
            String window = "?from=" + start.minusSeconds(60) + "&to=" + start.plusSeconds(600);
            Awaiting.until(Duration.ofSeconds(40), "8 s recorded", () -> {
                JsonNode ranges = api().get("/api/channels/" + channel + "/recordings" + window).json().get("ranges");
                return ranges.size() == 1 && Duration.between(Instant.parse(ranges.get(0).get("from").asText()),
                        Instant.parse(ranges.get(0).get("to").asText())).toSeconds() >= 8;
            });

            Instant seen = Instant.now().minusSeconds(3);
            String person = "person-" + System.nanoTime();
            ApiClient.Response linked = api().post("/api/face-hits", hit(channel, seen, person, "wanted", 0.91, null));
            assertThat(linked.status()).as(linked.body()).isEqualTo(201);
            assertThat(linked.json().get("outcome").asText()).isEqualTo("linked");
            assertThat(linked.json().get("eventCreated").asBoolean()).isTrue();
            String eventId = linked.json().get("eventId").asText();
            assertThat(linked.json().get("evidence")).extracting(e -> e.get("kind").asText())
                    .containsExactly("face_hit", "snapshot", "clip");

            Awaiting.until(Duration.ofSeconds(60), "all evidence ready", () -> {
                JsonNode evidence = api().get("/api/events/" + eventId).json().get("evidence");
                for (JsonNode item : evidence) {
                    assertThat(item.get("state").asText()).as(item.toString()).isNotEqualTo("failed");
                    if (!"ready".equals(item.get("state").asText())) {
                        return false;
                    }
                }
                return evidence.size() == 3;
            });
            JsonNode event = api().get("/api/events/" + eventId).json();
            assertThat(event.get("personId").asText()).isEqualTo(person);
            assertThat(event.get("status").asText()).isEqualTo("open");
            assertThat(event.get("channels")).extracting(JsonNode::asText).containsExactly(channel);
            JsonNode evidence = event.get("evidence");
            assertThat(evidence.get(0).get("detail").get("similarity").asDouble()).isEqualTo(0.91);

            BufferedImage engineImage = ImageIO.read(new ByteArrayInputStream(
                    api().bytes(evidence.get(0).get("url").asText())));
            assertThat(engineImage.getWidth()).isEqualTo(64);
            BufferedImage snapshot = ImageIO.read(new ByteArrayInputStream(
                    api().bytes(evidence.get(1).get("url").asText())));
            assertThat(snapshot.getWidth()).isEqualTo(320);
            assertThat(snapshot.getHeight()).isEqualTo(240);

            JsonNode clip = evidence.get(2);
            assertThat(Duration.between(Instant.parse(clip.get("from").asText()),
                    Instant.parse(clip.get("to").asText()))).isEqualTo(Duration.ofSeconds(5));
            byte[] mp4 = api().bytes(clip.get("url").asText());
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(mp4), 0)) {
                grabber.setFormat("mp4");
                grabber.start();
                Frame first = grabber.grabImage();
                assertThat(first.keyFrame).isTrue();
                int frames = 1;
                while (grabber.grabImage() != null) {
                    frames++;
                }
                assertThat(frames).as("5 s at 25 fps, from the keyframe before").isBetween(100, 160);
                assertThat(grabber.getImageWidth()).isEqualTo(320);
            }

            // the same person on the same channel moments later: a duplicate, nothing stored
            JsonNode duplicate = api().post("/api/face-hits", hit(channel, seen.plusSeconds(5), person, "wanted",
                    0.97, null)).json();
            assertThat(duplicate.get("outcome").asText()).isEqualTo("duplicate");
            assertThat(duplicate.get("eventId").asText()).isEqualTo(eventId);
            // below the threshold: nothing stored
            JsonNode below = api().post("/api/face-hits", hit(channel, seen, "someone-else", "wanted", 0.5, null))
                    .json();
            assertThat(below.get("outcome").asText()).isEqualTo("below_threshold");
            assertThat(below.get("threshold").asDouble()).isEqualTo(0.8);
            // a watch list with its own threshold
            assertThat(api().post("/api/face-hits", hit(channel, seen, "v", "vip", 0.9, null)).json()
                    .get("threshold").asDouble()).isEqualTo(0.95);

            // outside the window: linked to the person's open event; its clip range was never recorded
            ApiClient.Response earlier = api().post("/api/face-hits", hit(channel, start.minusSeconds(300), person,
                    "wanted", 0.9, null));
            assertThat(earlier.status()).as(earlier.body()).isEqualTo(201);
            assertThat(earlier.json().get("eventId").asText()).isEqualTo(eventId);
            assertThat(earlier.json().get("eventCreated").asBoolean()).isFalse();
            Awaiting.until(Duration.ofSeconds(30), "unrecorded clip failed", () -> {
                JsonNode items = api().get("/api/events/" + eventId).json().get("evidence");
                return items.size() == 6 && "failed".equals(items.get(5).get("state").asText());
            });
            assertThat(api().get("/api/events/" + eventId).json().get("evidence").get(5).get("reason").asText())
                    .contains("not recorded");

            // the platform closes the event: the next hit opens a new one
            assertThat(api().put("/api/events/" + eventId, "{\"type\":\"face-hit\",\"status\":\"CLOSED\"}").status())
                    .isEqualTo(200);
            JsonNode reopened = api().post("/api/face-hits", hit(channel, start.minusSeconds(600), person, "wanted",
                    0.9, null)).json();
            assertThat(reopened.get("eventCreated").asBoolean()).isTrue();
            assertThat(reopened.get("eventId").asText()).isNotEqualTo(eventId);

            // hooks: the hit was announced, the clip became ready, evidence changes were told
            // clip hooks carry the clipId that the event's evidence names
            String eventClip = api().get("/api/events/" + eventId).json().get("evidence").get(2).get("clipId").asText();
            Awaiting.until(Duration.ofSeconds(20), "hooks delivered", () -> receiver.acknowledged(
                    h -> "clip.ready".equals(h.type()) && eventClip.equals(h.body().path("data").path("clipId")
                            .asText())).size() == 1);
            Awaiting.until(Duration.ofSeconds(20), "three face_hit.linked hooks", () -> receiver.acknowledged(
                    h -> "face_hit.linked".equals(h.type())).stream()
                    .filter(h -> person.equals(h.body().path("data").path("personId").asText())).count() == 3);
            assertThat(receiver.acknowledged(h -> "face_hit.linked".equals(h.type())
                    && person.equals(h.body().path("data").path("personId").asText())))
                    .extracting(h -> h.body().path("data").path("eventCreated").asBoolean())
                    .containsExactly(true, false, true);
            assertThat(receiver.acknowledged(h -> "event.evidence_changed".equals(h.type())
                    && eventId.equals(h.body().path("data").path("eventId").asText())).size()).isGreaterThanOrEqualTo(9);
            assertThat(receiver.all()).allMatch(HookReceiver.Hook::signatureValid);
            api().delete("/api/webhooks/" + subscription);
            api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"off\"}");
        }
    }

    @Test
    void eventsAreIdempotentAndTakeClipsSnapshotsAndNearbyCameras() throws Exception {
        String[] ids = newIds();
        String channel = ids[1];
        // a position of its own (the other test cameras all stand at 113.26, 23.13)
        double lon = 114.0 + (System.nanoTime() % 1000) / 1000.0;
        double lat = 22.5;
        CatalogItem item = new CatalogItem(channel, "camera " + channel, "gbgate", "SIM-1", "test",
                DOMAIN.substring(0, 6), "loopback", 0, ids[0], null, 0, "ON", lon, lat, 1);
        camera(SipDeviceConfig.of(ids[0], PASSWORD, PLATFORM_ID, DOMAIN, "127.0.0.1", platform.port(),
                SipTransport.UDP, "127.0.0.1", List.of(item)).withKeepaliveInterval(Duration.ofSeconds(1)),
                testPattern("event", 320, 240));
        String eventId = "GRID-" + System.nanoTime();
        String body = "{\"type\":\"illegal-dumping\",\"time\":\"2026-11-23T10:00:00+08:00\",\"longitude\":" + lon
                + ",\"latitude\":" + lat + ",\"gridCode\":\"440106001\",\"status\":\"dispatched\",\"channels\":[\"" + channel
                + "\"]}";
        assertThat(api().put("/api/events/" + eventId, body).status()).isEqualTo(201);
        ApiClient.Response again = api().put("/api/events/" + eventId, body.replace("dispatched", "handling"));
        assertThat(again.status()).isEqualTo(200);
        JsonNode event = api().get("/api/events/" + eventId).json();
        assertThat(event.get("status").asText()).isEqualTo("handling");
        assertThat(event.get("time").asText()).isEqualTo("2026-11-23T02:00:00Z");
        assertThat(event.get("channels")).extracting(JsonNode::asText).containsExactly(channel);
        assertThat(event.get("evidence")).isEmpty();

        // live snapshot straight and as evidence
        HttpResponse<byte[]> live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/api/channels/" + channel + "/snapshot"))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(live.body())).getWidth()).isEqualTo(320);
        ApiClient.Response snapshot = api().post("/api/events/" + eventId + "/snapshots",
                "{\"channelId\":\"" + channel + "\"}");
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(202);
        assertThat(snapshot.json().get("state").asText()).isEqualTo("pending");
        Awaiting.until(Duration.ofSeconds(20), "snapshot evidence ready", () -> "ready".equals(
                api().get("/api/events/" + eventId).json().get("evidence").get(0).get("state").asText()));

        // clips: answered at once, pending until the range is recorded and exported
        Instant now = Instant.now();
        ApiClient.Response clip = api().post("/api/events/" + eventId + "/clips", "{\"channelId\":\"" + channel
                + "\",\"around\":\"" + now + "\",\"preSeconds\":5,\"postSeconds\":5}");
        assertThat(clip.status()).as(clip.body()).isEqualTo(202);
        assertThat(clip.json().get("state").asText()).isEqualTo("pending");
        assertThat(clip.json().get("from").asText()).isEqualTo(now.minusSeconds(5).truncatedTo(ChronoUnit.MICROS).toString());

        // nearby cameras: 0.0001 degree of latitude north of the camera is ~11 m away
        JsonNode near = api().get("/api/channels/nearby?lon=" + lon + "&lat=" + (lat + 0.0001)
                + "&radiusMeters=50").json();
        assertThat(near).hasSize(1);
        assertThat(near.get(0).get("channelId").asText()).isEqualTo(channel);
        assertThat(near.get(0).get("distanceMeters").asDouble()).isBetween(10.0, 12.5);
        assertThat(api().get("/api/channels/nearby?lon=" + lon + "&lat=" + (lat + 0.001) + "&radiusMeters=50")
                .body()).as("~111 m away").doesNotContain(channel);
        ApiClient.Response nearby = api().post("/api/events/" + eventId + "/nearby-clips",
                "{\"radiusMeters\":100,\"from\":\"" + now.minusSeconds(10) + "\",\"to\":\"" + now + "\"}");
        assertThat(nearby.status()).as(nearby.body()).isEqualTo(202);
        assertThat(nearby.json()).hasSize(1);
        assertThat(nearby.json().get(0).get("channelId").asText()).isEqualTo(channel);

        // bad requests
        assertThat(api().get("/api/events/no-such-event").status()).isEqualTo(404);
        assertThat(api().post("/api/events/no-such-event/clips", "{\"channelId\":\"" + channel + "\",\"from\":\""
                + now.minusSeconds(10) + "\",\"to\":\"" + now + "\"}").status()).isEqualTo(404);
        ApiClient.Response unknownChannel = api().post("/api/events/" + eventId + "/clips",
                "{\"channelId\":\"44010200491319999997\",\"from\":\"" + now.minusSeconds(10) + "\",\"to\":\"" + now
                        + "\"}");
        assertThat(unknownChannel.status()).isEqualTo(404);
        assertThat(unknownChannel.body()).contains("unknown channel");
        ApiClient.Response reversed = api().post("/api/events/" + eventId + "/clips", "{\"channelId\":\"" + channel
                + "\",\"from\":\"" + now + "\",\"to\":\"" + now.minusSeconds(10) + "\"}");
        assertThat(reversed.status()).isEqualTo(400);
        ApiClient.Response outside = api().post("/api/events/" + eventId + "/clips", "{\"channelId\":\"" + channel
                + "\",\"from\":\"2020-01-01T00:00:00Z\",\"to\":\"2020-01-01T00:00:10Z\"}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("outside the retention");
        assertThat(api().put("/api/events/" + eventId, "{\"time\":\"yesterday\"}").body()).contains("ISO-8601");
        assertThat(api().put("/api/events/bad%20id", "{}").status()).isEqualTo(400);
        assertThat(api().get("/api/channels/44010200491319999997/snapshot").status()).isEqualTo(404);
        assertThat(api().get("/api/channels/nearby?lon=113.26&lat=23.13&radiusMeters=0").status()).isEqualTo(400);
        assertThat(api().get("/api/events/" + eventId).json().get("evidence").size())
                .as("failed requests linked nothing").isEqualTo(1 + 1 + nearby.json().size());
    }

    @Test
    void badFaceHitsAreRefusedAndLeaveNothingBehind() throws Exception {
        String[] ids = newIds();
        String channel = ids[1];
        camera(deviceConfig(ids[0], channel, PASSWORD, SipTransport.UDP), testPattern("bad-hit", 160, 120));
        Instant seen = Instant.now();
        String person = "p-" + System.nanoTime();

        ApiClient.Response unknownChannel = api().post("/api/face-hits",
                hit("44010200491319999996", seen, person, "wanted", 0.9, null));
        assertThat(unknownChannel.status()).isEqualTo(404);
        assertThat(unknownChannel.body()).contains("unknown channel");
        ApiClient.Response badBase64 = api().post("/api/face-hits", hit(channel, seen, person, "wanted", 0.9,
                "\"image\":\"@@not base64@@\""));
        assertThat(badBase64.status()).isEqualTo(400);
        assertThat(badBase64.body()).contains("not valid base64");
        ApiClient.Response notJpeg = api().post("/api/face-hits", hit(channel, seen, person, "wanted", 0.9,
                "\"image\":\"" + Base64.getEncoder().encodeToString(png()) + "\""));
        assertThat(notJpeg.status()).isEqualTo(400);
        assertThat(notJpeg.body()).contains("not a JPEG");
        byte[] broken = jpeg();
        broken = java.util.Arrays.copyOf(broken, 40);
        ApiClient.Response truncated = api().post("/api/face-hits", hit(channel, seen, person, "wanted", 0.9,
                "\"image\":\"" + Base64.getEncoder().encodeToString(broken) + "\""));
        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.body()).contains("image");
        ApiClient.Response huge = api().post("/api/face-hits", hit(channel, seen, person, "wanted", 0.9,
                "\"image\":\"" + "A".repeat(3 << 20) + "\""));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body()).contains("larger than");
        assertThat(api().post("/api/face-hits", "{\"channelId\":\"" + channel + "\"}").body()).contains("missing");
        assertThat(api().post("/api/face-hits", "{not json").status()).isEqualTo(400);
        ApiClient.Response similarity = api().post("/api/face-hits", hit(channel, seen, person, "wanted", 1.7, null));
        assertThat(similarity.body()).contains("similarity");
        ApiClient.Response strict = api().post("/api/face-hits", hit(channel, seen, person, "strict", 0.9, null));
        assertThat(strict.status()).isEqualTo(400);
        assertThat(strict.body()).contains("no rule linked");
        ApiClient.Response unknownEvent = api().post("/api/face-hits", hit(channel, seen, person, "wanted", 0.9,
                "\"eventId\":\"no-such-event\",\"image\":\"" + Base64.getEncoder().encodeToString(jpeg()) + "\""));
        assertThat(unknownEvent.status()).isEqualTo(404);

        // none of the refused hits left a trace: the same hit now links and is no duplicate
        ApiClient.Response first = api().post("/api/face-hits", hit(channel, seen, person, "wanted", 0.9, null));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("eventCreated").asBoolean()).isTrue();

        // the given event wins over an open one
        String given = "GIVEN-" + System.nanoTime();
        api().put("/api/events/" + given, "{\"type\":\"patrol\"}");
        ApiClient.Response toGiven = api().post("/api/face-hits", hit(channel, seen.minusSeconds(3600), person,
                "strict", 0.9, "\"eventId\":\"" + given + "\",\"imageUrl\":\"https://engine.example/faces/1.jpg\""));
        assertThat(toGiven.status()).as(toGiven.body()).isEqualTo(201);
        assertThat(toGiven.json().get("eventId").asText()).isEqualTo(given);
        JsonNode image = api().get("/api/events/" + given).json().get("evidence").get(0);
        assertThat(image.get("kind").asText()).isEqualTo("face_hit");
        assertThat(image.get("url").asText()).isEqualTo("https://engine.example/faces/1.jpg");
    }

    /** A face-hit body; {@code extra} replaces the default image field when given. */
    private static String hit(String channel, Instant time, String person, String watchList, double similarity,
                              String extra) throws Exception {
        String image = extra != null ? extra : "\"image\":\"" + Base64.getEncoder().encodeToString(jpeg()) + "\"";
        return "{\"channelId\":\"" + channel + "\",\"time\":\"" + time + "\",\"personId\":\"" + person
                + "\",\"watchList\":\"" + watchList + "\",\"similarity\":" + similarity + ",\"engine\":\"test-engine\","
                + image + "}";
    }

    private static byte[] jpeg() throws Exception {
        return encode("jpg");
    }

    private static byte[] png() throws Exception {
        return encode("png");
    }

    private static byte[] encode(String format) throws Exception {
        BufferedImage face = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = face.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillOval(8, 4, 48, 56);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(face, format, out);
        return out.toByteArray();
    }
}
