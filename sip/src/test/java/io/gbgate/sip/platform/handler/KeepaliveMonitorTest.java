package io.gbgate.sip.platform.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.manscdp.CatalogResponse;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;
import io.gbgate.sip.platform.SipPlatformConfig;
import io.gbgate.sip.stack.SipTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keepalive supervision with explicit instants (no sleeping). */
class KeepaliveMonitorTest {

    private static final String DEVICE = "34020000001320000001";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration DEFAULT = Duration.ofSeconds(60);

    private final List<String> offline = new ArrayList<>();
    private final List<List<String>> channelsOffline = new ArrayList<>();
    private final PlatformListener listener = new PlatformListener() {
        @Override
        public void deviceOffline(String deviceId, String reason) {
            offline.add(deviceId + ": " + reason);
        }

        @Override
        public void channelsOffline(String deviceId, List<String> channelIds) {
            channelsOffline.add(channelIds);
        }
    };
    private final SipPlatformConfig config = SipPlatformConfig.defaults("34020000002000000001", "3402000000",
            "127.0.0.1", 0, "pw");
    private final DeviceRegistry registry = new DeviceRegistry();
    private final CatalogResponseHandler catalogs = new CatalogResponseHandler(new PendingAnswers(DEFAULT), listener);
    private final KeepaliveMonitor monitor = new KeepaliveMonitor(config, registry, catalogs, listener,
            Clock.systemUTC());

    private RegisteredDevice registered() {
        RegisteredDevice device = new RegisteredDevice(DEVICE, SipTransport.UDP, "127.0.0.1", 5060,
                "sip:" + DEVICE + "@127.0.0.1:5060", 3600, T0, null, null, true);
        registry.put(device);
        catalogs.handle(device, new CatalogResponse(1, DEVICE, 2, List.of(item("34020000001310000001"),
                item("34020000001310000002"))));
        return device;
    }

    private static CatalogItem item(String id) {
        return new CatalogItem(id, "cam", null, null, null, null, null, null, null, null, null, "ON", null, null,
                null);
    }

    @Test
    void unknownCadenceUsesThreeTimesTheDefaultInterval() {
        registered();

        monitor.check(T0.plus(DEFAULT.multipliedBy(3)));
        assertThat(offline).isEmpty();

        monitor.check(T0.plus(DEFAULT.multipliedBy(3)).plusSeconds(1));
        assertThat(offline).hasSize(1);
        assertThat(channelsOffline).containsExactly(List.of("34020000001310000001", "34020000001310000002"));
        assertThat(registry.get(DEVICE).orElseThrow().online()).isFalse();

        monitor.check(T0.plus(DEFAULT.multipliedBy(10)));
        assertThat(offline).as("reported once").hasSize(1);
    }

    @Test
    void observedCadenceShortensTheAllowedSilenceGraduallyAndKeepaliveBringsTheDeviceBack() {
        registered();
        Instant at = T0;
        for (int i = 0; i < 40; i++) {
            at = at.plusSeconds(10);
            Instant now = at;
            registry.update(DEVICE, d -> d.withKeepalive(now, DEFAULT));
        }
        Duration observed = registry.get(DEVICE).orElseThrow().observedKeepaliveInterval();
        assertThat(observed).isEqualTo(Duration.ofSeconds(10));

        monitor.check(at.plusSeconds(30));
        assertThat(offline).isEmpty();
        monitor.check(at.plusSeconds(31));
        assertThat(offline).hasSize(1);

        Instant back = at.plusSeconds(40);
        registry.update(DEVICE, d -> d.withKeepalive(back, DEFAULT));
        assertThat(registry.get(DEVICE).orElseThrow().online()).isTrue();
        assertThat(registry.get(DEVICE).orElseThrow().observedKeepaliveInterval())
                .as("a long gap raises the estimate at once").isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void bunchedKeepalivesDoNotCollapseTheEstimate() {
        RegisteredDevice device = registered().withKeepalive(T0.plusSeconds(60), DEFAULT)
                .withKeepalive(T0.plusSeconds(60).plusMillis(5), DEFAULT);

        assertThat(device.observedKeepaliveInterval()).isEqualTo(Duration.ofSeconds(60).minusMillis(7500));
    }

    @Test
    void expiredRegistrationIsDropped() {
        registered();

        monitor.check(T0.plusSeconds(3601));

        assertThat(registry.get(DEVICE)).isEmpty();
        assertThat(offline).singleElement().asString().contains("registration expired");
    }
}
