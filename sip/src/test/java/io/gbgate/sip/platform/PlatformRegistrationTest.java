package io.gbgate.sip.platform;

import static io.gbgate.sip.platform.GbFixture.DEVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.sip.device.DeviceRegistrationException;
import io.gbgate.sip.device.SipDeviceAgent;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.stack.SipTransport;
import io.gbgate.sip.stack.ThreadLeakCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlatformRegistrationTest {

    private final RecordingPlatformListener events = new RecordingPlatformListener();
    private final RecordingMediaFactory media = new RecordingMediaFactory();
    private ThreadLeakCheck threads;
    private SipPlatform platform;
    private SipDeviceAgent device;

    @BeforeEach
    void startPlatform() {
        threads = ThreadLeakCheck.snapshot();
        platform = new SipPlatform(GbFixture.platformConfig(), events);
        platform.start();
    }

    @AfterEach
    void closeAll() throws InterruptedException {
        if (device != null) {
            device.close();
        }
        platform.close();
        threads.assertNoNewNonDaemonThreads();
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void deviceRegistersWithDigestAndPlatformCollectsDeviceInfoAndTheWholeSplitCatalog(SipTransport transport)
            throws Exception {
        device = GbFixture.startDevice(GbFixture.deviceConfig(platform.port(), transport), media);
        device.registered().get(15, TimeUnit.SECONDS);

        Await.until("catalog of 7 items", () -> platform.channels(DEVICE_ID).size() == GbFixture.CHANNELS);
        Await.until("device info", () -> !events.deviceInfos.isEmpty());

        RegisteredDevice registered = platform.device(DEVICE_ID).orElseThrow();
        assertThat(registered.transport()).isEqualTo(transport);
        assertThat(registered.remoteHost()).isEqualTo(GbFixture.HOST);
        assertThat(registered.online()).isTrue();
        if (transport == SipTransport.UDP) {
            assertThat(registered.remotePort()).isEqualTo(device.port());
        } else {
            // the connection's ephemeral port, not the Contact port: the queries answered below could
            // only reach the device over its own connection (nothing listens on that port)
            assertThat(registered.remotePort()).isNotEqualTo(device.port());
            assertThat(registered.contact()).contains(":" + device.port());
        }
        assertThat(platform.devices()).extracting(RegisteredDevice::deviceId).containsExactly(DEVICE_ID);
        assertThat(events.registered).extracting(RegisteredDevice::deviceId).containsExactly(DEVICE_ID);
        assertThat(events.deviceInfos.get(0).deviceName()).isEqualTo("gbgate simulated camera");
        assertThat(events.deviceInfos.get(0).channels()).isEqualTo(GbFixture.CHANNELS);

        assertThat(platform.channels(DEVICE_ID)).extracting(CatalogItem::deviceId)
                .containsExactlyInAnyOrderElementsOf(GbFixture.channels().stream().map(CatalogItem::deviceId)
                        .toList());
        // the known list is complete before the listener hears of the last MESSAGE: wait for that call
        Await.until("a listener call per catalog MESSAGE", () -> events.catalogs.size() >= 3);
        assertThat(events.catalogs).as("one listener call per catalog MESSAGE").hasSize(3);
        for (int i = 1; i < events.catalogs.size(); i++) {
            assertThat(events.catalogs.get(i).items().size())
                    .as("aggregated list never shrinks").isGreaterThanOrEqualTo(events.catalogs.get(i - 1).items().size());
        }
        assertThat(events.catalogs).allSatisfy(c -> assertThat(c.sumNum()).isEqualTo(GbFixture.CHANNELS));

        Await.until("keepalives", () -> events.keepalives.size() >= 2);
        Await.until("observed keepalive cadence",
                () -> platform.device(DEVICE_ID).orElseThrow().observedKeepaliveInterval() != null);

        platform.queryCatalog(DEVICE_ID).get(10, TimeUnit.SECONDS);
        assertThat(platform.channels(DEVICE_ID)).hasSize(GbFixture.CHANNELS);
        assertThat(platform.sendKeyframeRequest(DEVICE_ID, "34020000001310000001").get(10, TimeUnit.SECONDS).ok())
                .isTrue();
        assertThat(device.keyframeRequests()).isEqualTo(1);
    }

    @Test
    void wrongPasswordIsRefusedWith403AndNothingIsRegistered() {
        device = GbFixture.startDevice(GbFixture.deviceConfig(platform.port(), SipTransport.UDP)
                .withPassword("wrong"), media);

        assertThatThrownBy(() -> device.registered().get(15, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DeviceRegistrationException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(platform.device(DEVICE_ID)).isEmpty();
        assertThat(events.registered).isEmpty();
        assertThat(events.refusals).singleElement().satisfies(refusal -> {
            assertThat(refusal.deviceId()).isEqualTo(DEVICE_ID);
            assertThat(refusal.reason()).isEqualTo(RegistrationRefusal.Reason.WRONG_PASSWORD);
            assertThat(refusal.status()).isEqualTo(403);
            assertThat(refusal.remoteHost()).isEqualTo("127.0.0.1");
            assertThat(refusal.remotePort()).isEqualTo(device.port());
            assertThat(refusal.transport()).isEqualTo("UDP");
            assertThat(refusal.detail()).contains("global device password");
        });
    }

    @Test
    void repeatedWrongPasswordsAreRefusedUncheckedForAWhileEvenTheRightOne() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            device = GbFixture.startDevice(GbFixture.deviceConfig(platform.port(), SipTransport.UDP)
                    .withPassword("guess-" + attempt), media);
            assertThatThrownBy(() -> device.registered().get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            device.close();
            device = null;
        }
        assertThat(events.refusals).extracting(RegistrationRefusal::reason)
                .containsOnly(RegistrationRefusal.Reason.WRONG_PASSWORD).hasSize(5);
        assertThat(events.refusals.get(4).detail()).contains("further attempts from 127.0.0.1 are refused");

        device = GbFixture.startDevice(GbFixture.deviceConfig(platform.port(), SipTransport.UDP), media);
        assertThatThrownBy(() -> device.registered().get(15, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(DeviceRegistrationException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(events.refusals.get(5).reason()).isEqualTo(RegistrationRefusal.Reason.TOO_MANY_FAILURES);
        assertThat(events.refusals.get(5).detail()).contains("refused unchecked for another");
        assertThat(platform.device(DEVICE_ID)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void unregisterWithExpiresZeroRemovesTheDevice(SipTransport transport) throws Exception {
        device = GbFixture.startDevice(GbFixture.deviceConfig(platform.port(), transport), media);
        device.registered().get(15, TimeUnit.SECONDS);
        assertThat(platform.device(DEVICE_ID)).isPresent();
        // the catalog query sent on registration must be answered first: an answer still in flight
        // would be applied after the unregister
        Await.until("catalog", () -> platform.channels(DEVICE_ID).size() == GbFixture.CHANNELS);

        device.unregister().get(15, TimeUnit.SECONDS);

        assertThat(platform.device(DEVICE_ID)).isEmpty();
        Await.until("unregistered event", () -> !events.unregistered.isEmpty());
        assertThat(events.unregistered).containsExactly(DEVICE_ID);
        assertThat(platform.channels(DEVICE_ID)).isEmpty();
    }

    @Test
    void deviceRefreshesItsRegistrationAndAnswersTheStaleNonceChallenge() throws Exception {
        platform.close();
        platform = new SipPlatform(GbFixture.platformConfig().withRegisterExpires(1, 3600)
                .withNonceExpiry(Duration.ofMillis(300)), events);
        platform.start();
        device = GbFixture.startDevice(GbFixture.deviceConfig(platform.port(), SipTransport.UDP)
                .withRegisterExpires(2), media);
        device.registered().get(15, TimeUnit.SECONDS);
        Instant first = platform.device(DEVICE_ID).orElseThrow().registeredAt();

        Await.until("two refreshes (each reusing an expired nonce first)",
                () -> platform.device(DEVICE_ID).orElseThrow().registeredAt().isAfter(first.plusMillis(2000)));

        assertThat(platform.device(DEVICE_ID).orElseThrow().expires()).isEqualTo(2);
        assertThat(events.registered).as("a refresh is not a new registration").hasSize(1);
    }

    @Test
    void deviceGoesOfflineWithItsChannelsAfterThreeMissedKeepalives() throws Exception {
        device = GbFixture.startDevice(GbFixture.deviceConfig(platform.port(), SipTransport.UDP), media);
        device.registered().get(15, TimeUnit.SECONDS);
        Await.until("catalog", () -> platform.channels(DEVICE_ID).size() == GbFixture.CHANNELS);
        Await.until("observed cadence",
                () -> platform.device(DEVICE_ID).orElseThrow().observedKeepaliveInterval() != null);
        assertThat(events.offline).isEmpty();

        device.stopKeepalive();

        Await.until("device offline", () -> events.offline.contains(DEVICE_ID));
        assertThat(platform.device(DEVICE_ID).orElseThrow().online()).isFalse();
        assertThat(events.channelsOffline).hasSize(1);
        assertThat(events.channelsOffline.get(0)).hasSize(GbFixture.CHANNELS);
        assertThat(events.offline).containsExactly(DEVICE_ID);
    }
}
