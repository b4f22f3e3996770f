package io.gbgate.gateway;

import io.gbgate.sip.device.SipDeviceAgent;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/** Registers simulated cameras whose history calls a test can follow ({@link HistoryCamera}). */
abstract class HistoryTestSupport extends GatewayTestBase {
    private final List<SipDeviceAgent> started = new ArrayList<>();

    /** A registered camera: {deviceId, channelId}, its media side and its agent. */
    record Registered(String deviceId, String channelId, HistoryCamera media, SipDeviceAgent agent) {
    }

    Registered historyCamera(SipTransport transport) throws Exception {
        String[] ids = newIds();
        HistoryCamera media = new HistoryCamera(testPattern("history", 320, 240), mediaEventLoops);
        SipDeviceAgent agent = new SipDeviceAgent(deviceConfig(ids[0], ids[1], PASSWORD, transport), media);
        started.add(agent);
        agent.start();
        agent.registered().get(10, TimeUnit.SECONDS);
        Awaiting.until(Duration.ofSeconds(10), "catalog of " + ids[0] + " stored",
                () -> api().get("/api/devices/" + ids[0] + "/channels").body().contains(ids[1]));
        return new Registered(ids[0], ids[1], media, agent);
    }

    @AfterEach
    void closeHistoryCameras() {
        started.forEach(SipDeviceAgent::close);
        started.clear();
    }
}
