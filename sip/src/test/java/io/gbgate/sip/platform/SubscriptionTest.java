package io.gbgate.sip.platform;

import static io.gbgate.sip.platform.GbFixture.DEVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.sip.device.DeviceSubscription;
import io.gbgate.sip.device.SubscriptionTopic;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SUBSCRIBE set-up, refresh before expiry and unsubscribe between the platform and a device agent. */
class SubscriptionTest {

    @RegisterExtension
    final PlatformAndDevice gb = new PlatformAndDevice();

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void subscriptionsAreRefreshedBeforeExpiryAndEndedWithExpiresZero(SipTransport transport) throws Exception {
        gb.register(transport);

        Subscription catalog = gb.platform().subscribe(DEVICE_ID, SubscriptionKind.CATALOG, Duration.ofSeconds(2))
                .get(15, TimeUnit.SECONDS);
        Subscription alarm = gb.platform().subscribe(DEVICE_ID, SubscriptionKind.ALARM, Duration.ofSeconds(60))
                .get(15, TimeUnit.SECONDS);

        assertThat(catalog.expires()).isEqualTo(2);
        assertThat(gb.device().subscriptions()).extracting(DeviceSubscription::topic)
                .containsExactlyInAnyOrder(SubscriptionTopic.CATALOG, SubscriptionTopic.ALARM);
        Await.until("two refreshes of the 2 s catalog subscription", () -> gb.device().subscriptions().stream()
                .anyMatch(s -> s.topic() == SubscriptionTopic.CATALOG && s.refreshes() >= 2));
        assertThat(gb.platform().subscriptions()).filteredOn(s -> s.id().equals(catalog.id()))
                .singleElement().satisfies(s -> assertThat(s.renewals()).isGreaterThanOrEqualTo(1));

        gb.platform().unsubscribe(catalog.id()).get(15, TimeUnit.SECONDS);

        assertThat(gb.device().subscriptions()).extracting(DeviceSubscription::id).containsExactly(alarm.id());
        assertThat(gb.platform().subscriptions()).extracting(Subscription::id).containsExactly(alarm.id());
        assertThat(gb.events.subscriptionsEnded).isEmpty();

        gb.platform().close();
        assertThat(gb.device().subscriptions()).as("platform unsubscribes on close").isEmpty();
    }

    @Test
    void subscribingAtAnUnknownDeviceFailsClearly() {
        gb.startPlatform();

        assertThatThrownBy(() -> gb.platform().subscribe(DEVICE_ID, SubscriptionKind.MOBILE_POSITION,
                Duration.ofSeconds(60)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DeviceCommandException.class,
                        e -> assertThat(e.failure()).isEqualTo(DeviceCommandException.Failure.NOT_REGISTERED));
    }

    @Test
    void unsubscribingTwiceIsAnUnknownDialog() throws Exception {
        gb.register(SipTransport.UDP);
        Subscription position = gb.platform().subscribe(DEVICE_ID, SubscriptionKind.MOBILE_POSITION,
                Duration.ofSeconds(60)).get(15, TimeUnit.SECONDS);
        gb.platform().unsubscribe(position.id()).get(15, TimeUnit.SECONDS);

        assertThatThrownBy(() -> gb.platform().unsubscribe(position.id()).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(DeviceCommandException.class,
                        e -> assertThat(e.failure()).isEqualTo(DeviceCommandException.Failure.UNKNOWN_DIALOG));
    }
}
