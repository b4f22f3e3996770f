package io.gbgate.gateway.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.simulator.PsFeed;
import io.gbgate.gateway.simulator.PsFile;
import io.gbgate.gateway.simulator.PsFileFeed;
import io.gbgate.gateway.simulator.SimulatedCamera;
import io.gbgate.sip.device.SipDeviceConfig;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.stack.SipTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The simulated cameras of a load run: N channels spread over NVR-style devices (one SIP stack per
 * device, {@code channelsPerDevice} channels each). Every channel loops the same {@link PsFile};
 * pacing runs on one small scheduler and RTP goes out on a small event loop group, so no stream
 * has a thread of its own.
 */
final class CameraFleet implements AutoCloseable {
    /** GB28181 type code 118: network video recorder. */
    private static final String NVR_TYPE = "118";
    /** GB28181 type code 131: camera (a channel of the NVR). */
    private static final String CAMERA_TYPE = "131";

    private final ScheduledExecutorService pacing = Executors.newScheduledThreadPool(2,
            new DefaultThreadFactory("load-feed-pacing", true));
    private final EventLoopGroup rtpLoops = new NioEventLoopGroup(2, new DefaultThreadFactory("load-rtp-send", true));
    private final List<SimulatedCamera> devices = new ArrayList<>();
    private final List<Device> started = new ArrayList<>();

    /** One device (its ID) and its channel IDs. */
    record Device(String deviceId, List<String> channelIds) {
    }

    /** Plans {@code streams} channels, {@code perDevice} to a device, without starting anything. */
    static List<Device> plan(String domain, int streams, int perDevice) {
        List<Device> plan = new ArrayList<>();
        int d = 1;
        for (int first = 1; first <= streams; first += perDevice, d++) {
            List<String> channels = new ArrayList<>();
            for (int c = first; c < first + perDevice && c <= streams; c++) {
                channels.add(String.format("%s%s0%06d", domain, CAMERA_TYPE, c));
            }
            plan.add(new Device(String.format("%s%s0%06d", domain, NVR_TYPE, d), channels));
        }
        return plan;
    }

    /** Starts the devices of {@code plan}; they register to {@code sipPort} on 127.0.0.1 at once. */
    void start(List<Device> plan, HarnessOptions.GatewayOptions gateway, int sipPort, PsFile recording) {
        start(plan, gateway, sipPort, recording, UnaryOperator.identity());
    }

    /** {@link #start(List, HarnessOptions.GatewayOptions, int, PsFile)}, each feed wrapped by {@code wrap}. */
    void start(List<Device> plan, HarnessOptions.GatewayOptions gateway, int sipPort, PsFile recording,
               UnaryOperator<PsFeed> wrap) {
        String domain = gateway.sipDomain();
        for (Device device : plan) {
            List<CatalogItem> items = device.channelIds().stream()
                    .map(id -> new CatalogItem(id, "load channel " + id.substring(id.length() - 6), "gbgate", "SIM-1",
                            "load harness", domain.substring(0, 6), "loopback", 0, device.deviceId(), null, 0,
                            "ON", null, null, 3))
                    .toList();
            SipDeviceConfig config = SipDeviceConfig.of(device.deviceId(), gateway.sipPassword(), gateway.sipId(),
                    domain, "127.0.0.1", sipPort, SipTransport.UDP, "127.0.0.1", items);
            devices.add(new SimulatedCamera(config, () -> wrap.apply(new PsFileFeed(recording, pacing)), rtpLoops).start());
            started.add(device);
        }
    }

    /** Waits until every device registered and the gateway stored every channel of its catalog. */
    void awaitRegistered(GatewayApi api, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        for (SimulatedCamera device : devices) {
            device.registered().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
        List<Device> pending = new ArrayList<>(started);
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("catalogs not stored after " + limit.toSeconds() + " s for devices "
                        + pending);
            }
            pending.removeIf(device -> catalogComplete(api, device));
            if (!pending.isEmpty()) {
                Thread.sleep(500);
            }
        }
    }

    private static boolean catalogComplete(GatewayApi api, Device device) {
        GatewayApi.Response response = api.get("/api/devices/" + device.deviceId() + "/channels").join();
        if (response.status() != 200) {
            return false;
        }
        JsonNode channels = response.json();
        return channels.isArray() && channels.size() >= device.channelIds().size();
    }

    /** Every channel of the started devices, in plan order. */
    List<String> channelIds() {
        return started.stream().flatMap(d -> d.channelIds().stream()).toList();
    }

    int deviceCount() {
        return devices.size();
    }

    /** Closes every device (ending its calls) and the pacing and sending threads. */
    @Override
    public void close() {
        devices.forEach(SimulatedCamera::close);
        devices.clear();
        pacing.shutdownNow();
        rtpLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
