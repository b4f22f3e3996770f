package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.gateway.simulator.DemoCameras;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, reliability: the real gateway jar is killed with SIGKILL while one hook is in flight (the receiver took
 * the request and never answers) and more are queued behind it. After a restart, with the receiver answering again,
 * every hook arrives at least once, signed, and in the order they were queued.
 */
class WebhookCrashIT {
    private static final String CHANNEL = DemoCameras.channelId("4401020049", 1);
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final String SECRET = "crash-secret";
    private static final int HITS = 5;

    private static GatewayProcess gateway;
    private static HookReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        receiver = new HookReceiver(SECRET);
        Path dataDir = Files.createTempDirectory("gbgate-hook-crash-it");
        int tcpBase = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
        gateway = new GatewayProcess(Path.of(System.getProperty("gbgate.jar", "target/gbgate.jar")),
                S3TestServer.freePort(), List.of(
                "--gbgate.data-dir=" + dataDir, "--gbgate.sip.port=0", "--gbgate.sip.bind-host=127.0.0.1",
                "--gbgate.media.ip=127.0.0.1", "--gbgate.media.bind-host=127.0.0.1", "--gbgate.media.rtp-port=0",
                "--gbgate.media.tcp-port-range=" + tcpBase + "-" + (tcpBase + 50),
                "--gbgate.demo.cameras=1", "--gbgate.demo.width=160", "--gbgate.demo.height=120",
                "--gbgate.webhooks.allow-loopback=true", "--gbgate.webhooks.request-timeout=60s",
                "--gbgate.webhooks.initial-backoff=200ms", "--gbgate.webhooks.max-backoff=1s",
                "--gbgate.webhooks.poll-interval=200ms"),
                dataDir.resolve("gateway.log"));
        gateway.start(START_LIMIT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (receiver != null) {
            receiver.stall = null;
            receiver.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void hooksSurviveSigkillWhileInFlightAndQueued() throws Exception {
        ApiClient api = gateway.api();
        Awaiting.until(Duration.ofSeconds(30), "demo channel in the catalog",
                () -> api.get("/api/devices/" + DemoCameras.deviceId("4401020049", 1) + "/channels").body()
                        .contains(CHANNEL));
        ApiClient.Response subscribed = api.post("/api/webhooks", "{\"url\":\"" + receiver.url()
                + "\",\"secret\":\"" + SECRET + "\",\"events\":[\"face_hit.linked\"]}");
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);

        CountDownLatch release = new CountDownLatch(1);
        receiver.stall = release;
        List<String> persons = new ArrayList<>();
        String run = Long.toString(System.nanoTime());
        for (int i = 0; i < HITS; i++) {
            String person = "crash-" + run + "-" + i;
            persons.add(person);
            ApiClient.Response hit = api.post("/api/face-hits", "{\"channelId\":\"" + CHANNEL + "\",\"time\":\""
                    + Instant.now() + "\",\"personId\":\"" + person + "\",\"watchList\":\"wanted\","
                    + "\"similarity\":0.95,\"engine\":\"it\",\"imageUrl\":\"https://engine.example/" + i + ".jpg\"}");
            assertThat(hit.status()).as(hit.body()).isEqualTo(201);
        }
        Awaiting.until(Duration.ofSeconds(20), "first hook in flight, held by the receiver",
                () -> !receiver.all().isEmpty());
        assertThat(receiver.acknowledged(h -> true)).as("nothing acknowledged before the kill").isEmpty();
        assertThat(gateway.killHard()).isEqualTo(GatewayProcess.KILLED_BY_SIGKILL);

        receiver.stall = null;
        release.countDown();
        gateway.start(START_LIMIT);

        Awaiting.until(Duration.ofSeconds(30), "every hook acknowledged after the restart",
                () -> receiver.acknowledged(h -> h.type().equals("face_hit.linked")).size() == HITS);
        List<HookReceiver.Hook> delivered = receiver.acknowledged(h -> h.type().equals("face_hit.linked"));
        assertThat(delivered).extracting(h -> h.body().path("data").path("personId").asText())
                .containsExactlyElementsOf(persons);
        assertThat(receiver.all()).allMatch(HookReceiver.Hook::signatureValid, "signature valid");
        // the hook in flight at the kill was sent again with the same idempotency key
        String firstKey = receiver.all().get(0).idempotencyKey();
        assertThat(delivered.get(0).idempotencyKey()).isEqualTo(firstKey);
    }
}
