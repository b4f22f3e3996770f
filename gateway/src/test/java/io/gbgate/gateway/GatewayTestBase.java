package io.gbgate.gateway;

import io.gbgate.gateway.simulator.MuxedFeed;
import io.gbgate.gateway.simulator.PsFeed;
import io.gbgate.gateway.simulator.TestPatternFeed;
import io.gbgate.media.source.TestPatternConfig;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import io.gbgate.gateway.simulator.SimulatedCamera;
import io.gbgate.sip.device.MediaSessionFactory;
import io.gbgate.sip.device.SipDeviceAgent;
import io.gbgate.sip.device.SipDeviceConfig;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.platform.SipPlatform;
import io.gbgate.sip.stack.SipTransport;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway (real SIP stack, RTP receiver, HTTP server, H2 file database) shared by the
 * integration tests; each test registers its own simulated cameras over loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // metrics exported as in production (tests turn it off by default)
public abstract class GatewayTestBase {
    protected static final String TOKEN = "integration-test-token";
    protected static final String DOMAIN = "4401020049";
    protected static final String PLATFORM_ID = "44010200492000000001";
    protected static final String PASSWORD = "gb-test-pass";
    private static final AtomicInteger SERIAL = new AtomicInteger(500);

    @LocalServerPort
    protected int httpPort;
    @Autowired
    protected SipPlatform platform;
    @Autowired
    protected EventLoopGroup mediaEventLoops;

    /** Encodes and paces the simulated cameras' pictures. */
    protected static final ScheduledExecutorService FEEDS =
            Executors.newScheduledThreadPool(2, new DefaultThreadFactory("test-camera-feed", true));
    private final List<SimulatedCamera> cameras = new ArrayList<>();
    private final List<SipDeviceAgent> agents = new ArrayList<>();
    protected ApiClient api;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("gbgate-it");
        registry.add("gbgate.data-dir", dataDir::toString);
        registry.add("gbgate.api.token", () -> TOKEN);
        registry.add("gbgate.sip.port", () -> 0);
        registry.add("gbgate.sip.bind-host", () -> "127.0.0.1");
        registry.add("gbgate.sip.password", () -> PASSWORD);
        registry.add("gbgate.sip.default-keepalive-interval", () -> "2s");
        registry.add("gbgate.media.ip", () -> "127.0.0.1");
        registry.add("gbgate.media.bind-host", () -> "127.0.0.1");
        registry.add("gbgate.media.rtp-port", () -> 0);
        registry.add("gbgate.play.ready-timeout", () -> "6s");
        registry.add("gbgate.sip.invite-timeout", () -> "3s");
        registry.add("gbgate.demo.cameras", () -> 0);
        registry.add("gbgate.recording.reconcile-interval", () -> "1s");
        registry.add("gbgate.play.udp-fallback-after", () -> "2s");
        registry.add("gbgate.play.idle-grace", () -> "2s");
        registry.add("gbgate.media.tcp-port-range", () -> "47100-47299");
        registry.add("gbgate.webrtc.port", () -> 0);
        registry.add("gbgate.webrtc.tcp.port", () -> 0);
        registry.add("gbgate.webrtc.bind-host", () -> "127.0.0.1");
        // events and webhooks (issue 6): receivers on 127.0.0.1, fast retries, short clips
        registry.add("gbgate.webhooks.allow-loopback", () -> true);
        registry.add("gbgate.webhooks.initial-backoff", () -> "200ms");
        registry.add("gbgate.webhooks.max-backoff", () -> "1s");
        registry.add("gbgate.webhooks.max-attempts", () -> 6);
        registry.add("gbgate.webhooks.poll-interval", () -> "200ms");
        registry.add("gbgate.events.pre-roll", () -> "3s");
        registry.add("gbgate.events.post-roll", () -> "2s");
        registry.add("gbgate.events.clip-settle", () -> "6s");
        registry.add("gbgate.events.evidence-poll-interval", () -> "500ms");
        registry.add("gbgate.events.face-hits.watch-lists.vip.threshold", () -> "0.95");
        registry.add("gbgate.events.face-hits.watch-lists.strict.actions", () -> "given");
    }

    protected ApiClient api() {
        if (api == null) {
            api = new ApiClient("http://127.0.0.1:" + httpPort, TOKEN);
        }
        return api;
    }

    /** A fresh device/channel ID pair: {deviceId, channelId}. */
    protected static String[] newIds() {
        int serial = SERIAL.incrementAndGet();
        return new String[] {String.format("%s1320%06d", DOMAIN, serial), String.format("%s1310%06d", DOMAIN, serial)};
    }

    protected SipDeviceConfig deviceConfig(String deviceId, String channelId, String password, SipTransport transport) {
        CatalogItem channel = new CatalogItem(channelId, "camera " + channelId, "gbgate", "SIM-1", "test",
                DOMAIN.substring(0, 6), "loopback", 0, deviceId, null, 0, "ON", 113.26, 23.13, 1);
        return SipDeviceConfig.of(deviceId, password, PLATFORM_ID, DOMAIN, "127.0.0.1", platform.port(), transport,
                "127.0.0.1", List.of(channel)).withKeepaliveInterval(Duration.ofSeconds(1));
    }

    /** Starts a simulated camera and waits until it registered and its catalog is stored. */
    protected SimulatedCamera camera(SipDeviceConfig config, Supplier<PsFeed> feeds) throws Exception {
        SimulatedCamera camera = new SimulatedCamera(config, feeds, mediaEventLoops).start();
        cameras.add(camera);
        camera.registered().get(10, TimeUnit.SECONDS);
        String channelId = config.channels().get(0).deviceId();
        Awaiting.until(Duration.ofSeconds(10), "catalog of " + config.deviceId() + " stored",
                () -> api().get("/api/devices/" + config.deviceId() + "/channels").body().contains(channelId));
        return camera;
    }

    /** A live-encoded test pattern packed as GB28181 PS, new for each INVITE. */
    protected static Supplier<PsFeed> testPattern(String name, int width, int height) {
        return () -> new MuxedFeed(new TestPatternFeed(TestPatternConfig.of(name, width, height, 25), FEEDS),
                PooledByteBufAllocator.DEFAULT);
    }

    /**
     * Registers a device whose media side is {@code media} (misbehaving devices in tests); waits
     * until its one channel is stored. Returns {deviceId, channelId}.
     */
    protected String[] device(MediaSessionFactory media) throws Exception {
        String[] ids = newIds();
        SipDeviceAgent agent = new SipDeviceAgent(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), media);
        agents.add(agent);
        agent.start();
        agent.registered().get(10, TimeUnit.SECONDS);
        Awaiting.until(Duration.ofSeconds(10), "catalog of " + ids[0] + " stored",
                () -> api().get("/api/devices/" + ids[0] + "/channels").body().contains(ids[1]));
        return ids;
    }

    protected static Path testData(String name) {
        Path dir = Path.of(System.getProperty("gbgate.testdata", "../shared/testdata"), "camera-ps");
        Assumptions.assumeTrue(Files.isDirectory(dir), "camera test data absent: " + dir.toAbsolutePath()
                + " (the real camera streams live in ../shared/testdata/camera-ps)");
        return dir.resolve(name);
    }

    @AfterEach
    void closeCameras() {
        cameras.forEach(SimulatedCamera::close);
        cameras.clear();
        agents.forEach(SipDeviceAgent::close);
        agents.clear();
    }
}
