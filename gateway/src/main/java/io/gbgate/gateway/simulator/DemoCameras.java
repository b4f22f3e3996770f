package io.gbgate.gateway.simulator;

import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.media.source.TestPatternConfig;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.platform.SipPlatform;
import io.gbgate.sip.device.SipDeviceConfig;
import io.gbgate.sip.stack.SipTransport;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The simulated cameras of {@code gbgate.demo.cameras}: they register to this gateway once it is
 * up, so a newcomer sees devices and live video without any hardware.
 */
public final class DemoCameras implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoCameras.class);

    private final GbgateProperties props;
    private final SipPlatform platform;
    private final EventLoopGroup group;
    /** Encoding and pacing of the simulated pictures, apart from the gateway's own timers. */
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(
            Runtime.getRuntime().availableProcessors(), new DefaultThreadFactory("gbgate-demo-camera", true));
    private final List<SimulatedCamera> cameras = new ArrayList<>();

    public DemoCameras(GbgateProperties props, SipPlatform platform, EventLoopGroup group) {
        this.props = props;
        this.platform = platform;
        this.group = group;
    }

    /** The 20-digit ID of demo device {@code n} (1-based): domain, type 132 (IPC), network 0, serial. */
    public static String deviceId(String domain, int n) {
        return String.format("%s1320%06d", domain, n);
    }

    /** The 20-digit ID of the channel of demo device {@code n}: type 131 (camera). */
    public static String channelId(String domain, int n) {
        return String.format("%s1310%06d", domain, n);
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        GbgateProperties.Demo demo = props.demo();
        if (demo.cameras() <= 0) {
            return;
        }
        Supplier<PsFeed> feeds = feedFactory(demo);
        String domain = props.sip().domain();
        for (int n = 1; n <= demo.cameras(); n++) {
            String name = "demo camera " + n;
            CatalogItem channel = new CatalogItem(channelId(domain, n), name, "gbgate", "SIM-1", "gbgate",
                    domain.substring(0, 6), "simulated", 0, deviceId(domain, n), null, 0, "ON", null, null, 3);
            SipDeviceConfig config = SipDeviceConfig.of(deviceId(domain, n), props.sip().password(),
                    props.sip().id(), domain, "127.0.0.1", platform.port(), SipTransport.UDP, "127.0.0.1",
                    List.of(channel));
            SimulatedCamera camera = new SimulatedCamera(config, feeds, group).start();
            cameras.add(camera);
        }
        log.info("{} demo cameras registering; channels {} .. {}", demo.cameras(), channelId(domain, 1),
                channelId(domain, demo.cameras()));
    }

    private Supplier<PsFeed> feedFactory(GbgateProperties.Demo demo) {
        if (demo.psFile() != null && !demo.psFile().isBlank()) {
            try {
                PsFile file = PsFile.load(Path.of(demo.psFile()));
                log.info("demo cameras loop {} ({} frames)", file.path(), file.frames().size());
                return () -> new PsFileFeed(file, scheduler);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load gbgate.demo.ps-file " + demo.psFile(), e);
            }
        }
        return () -> new MuxedFeed(new TestPatternFeed(
                TestPatternConfig.of("demo", demo.width(), demo.height(), demo.fps()), scheduler),
                PooledByteBufAllocator.DEFAULT);
    }

    @Override
    public synchronized void close() {
        cameras.forEach(SimulatedCamera::close);
        cameras.clear();
        scheduler.shutdownNow();
    }
}
