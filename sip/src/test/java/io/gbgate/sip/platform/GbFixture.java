package io.gbgate.sip.platform;

import io.gbgate.sip.device.SipDeviceAgent;
import io.gbgate.sip.device.SipDeviceConfig;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Shared IDs and configurations for platform/device tests over loopback. */
final class GbFixture {

    static final String PLATFORM_ID = "34020000002000000001";
    static final String DOMAIN = "3402000000";
    static final String DEVICE_ID = "34020000001320000001";
    static final String PASSWORD = "12345678";
    static final String HOST = "127.0.0.1";
    static final int CHANNELS = 7;

    private GbFixture() {
    }

    /** Platform with short keepalive supervision (interval 300 ms x 3, checked every 50 ms) and timeouts. */
    static SipPlatformConfig platformConfig() {
        return SipPlatformConfig.defaults(PLATFORM_ID, DOMAIN, HOST, 0, PASSWORD)
                .withKeepalive(Duration.ofMillis(300), 3, Duration.ofMillis(50))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(1500));
    }

    static List<CatalogItem> channels() {
        return IntStream.rangeClosed(1, CHANNELS)
                .mapToObj(i -> new CatalogItem(String.format(Locale.ROOT, "3402000000131%07d", i), "Camera " + i,
                        "gbgate", "SIM-1", "Owner", "3402000000", "Lab", 0, DEVICE_ID, 1, 0, "ON", null, null, 1))
                .toList();
    }

    /** Device with keepalive every 100 ms and the catalog split 3 + 3 + 1. */
    static SipDeviceConfig deviceConfig(int platformPort, SipTransport transport) {
        return SipDeviceConfig.of(DEVICE_ID, PASSWORD, PLATFORM_ID, DOMAIN, HOST, platformPort, transport, HOST,
                        channels())
                .withKeepaliveInterval(Duration.ofMillis(100))
                .withCatalogItemsPerMessage(3);
    }

    static SipDeviceAgent startDevice(SipDeviceConfig config, RecordingMediaFactory media) {
        SipDeviceAgent agent = new SipDeviceAgent(config, media);
        agent.start();
        return agent;
    }
}
