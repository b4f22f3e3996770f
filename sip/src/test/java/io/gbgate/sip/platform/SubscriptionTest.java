package io.gbgate.sip.platform;

import static io.gbgate.sip.platform.GbFixture.DEVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.sip.device.DeviceSubscription;
import io.gbgate.sip.device.SipDeviceAgent;
import io.gbgate.sip.device.SubscriptionTopic;
import io.gbgate.sip.stack.SipTransport;
import io.gbgate.sip.stack.ThreadLeakCheck;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SUBSCRIBE set-up, refresh before expiry and unsubscribe between the platform and a device agent. */
class SubscriptionTest {

    private final RecordingPlatformListener events = new RecordingPlatformListener();
    private final RecordingMediaFactory media = new RecordingMediaFactory();
    private final ThreadLeakCheck threads = ThreadLeakCheck.snapshot();
    private SipPlatform platform;
    private SipDeviceAgent device;

    private void register(SipTransport transport) throws Exception {
        platform = new SipPlatform(GbFixture.platformConfig(), events);
        platform.start();
        device = GbFixture.startDevice(GbFixture.deviceConfig(platform.port(), transport), media);
        device.registered().get(15, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeAll() throws InterruptedException {
        if (device != null) {
            device.close();
        }
        if (platform != null) {
            platform.close();
        }
        threads.assertNoNewNonDaemonThreads();
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void subscriptionsAreRefreshedBeforeExpiryAndEndedWithExpiresZero(SipTransport transport) throws Exception {
        register(transport);

        Subscription catalog = platform.subscribe(DEVICE_ID, SubscriptionKind.CATALOG, Duration.ofSeconds(2))
                .get(15, TimeUnit.SECONDS);
        Subscription alarm = platform.subscribe(DEVICE_ID, SubscriptionKind.ALARM, Duration.ofSeconds(60))
                .get(15, TimeUnit.SECONDS);

        assertThat(catalog.expires()).isEqualTo(2);
        assertThat(device.subscriptions()).extracting(DeviceSubscription::topic)
                .containsExactlyInAnyOrder(SubscriptionTopic.CATALOG, SubscriptionTopic.ALARM);
        Await.until("two refreshes of the 2 s catalog subscription", () -> device.subscriptions().stream()
                .anyMatch(s -> s.topic() == SubscriptionTopic.CATALOG && s.refreshes() >= 2));
        assertThat(platform.subscriptions()).filteredOn(s -> s.id().equals(catalog.id()))
                .singleElement().satisfies(s -> assertThat(s.renewals()).isGreaterThanOrEqualTo(1));

        platform.unsubscribe(catalog.id()).get(15, TimeUnit.SECONDS);

        assertThat(device.subscriptions()).extracting(DeviceSubscription::id).containsExactly(alarm.id());
        assertThat(platform.subscriptions()).extracting(Subscription::id).containsExactly(alarm.id());
        assertThat(events.subscriptionsEnded).isEmpty();

        platform.close();
        assertThat(device.subscriptions()).as("platform unsubscribes on close").isEmpty();
    }

    @Test
    void subscribingAtAnUnknownDeviceFailsClearly() {
        platform = new SipPlatform(GbFixture.platformConfig(), events);
        platform.start();

        assertThatThrownBy(() -> platform.subscribe(DEVICE_ID, SubscriptionKind.MOBILE_POSITION,
                Duration.ofSeconds(60)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DeviceCommandException.class,
                        e -> assertThat(e.failure()).isEqualTo(DeviceCommandException.Failure.NOT_REGISTERED));
    }

    @Test
    void unsubscribingTwiceIsAnUnknownDialog() throws Exception {
        register(SipTransport.UDP);
        Subscription position = platform.subscribe(DEVICE_ID, SubscriptionKind.MOBILE_POSITION,
                Duration.ofSeconds(60)).get(15, TimeUnit.SECONDS);
        platform.unsubscribe(position.id()).get(15, TimeUnit.SECONDS);

        assertThatThrownBy(() -> platform.unsubscribe(position.id()).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(DeviceCommandException.class,
                        e -> assertThat(e.failure()).isEqualTo(DeviceCommandException.Failure.UNKNOWN_DIALOG));
    }
}
