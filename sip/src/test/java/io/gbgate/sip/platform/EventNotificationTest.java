package io.gbgate.sip.platform;

import static io.gbgate.sip.platform.GbFixture.DEVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.sip.device.EventDelivery;
import io.gbgate.sip.manscdp.AlarmNotify;
import io.gbgate.sip.manscdp.AlarmResponse;
import io.gbgate.sip.manscdp.CatalogChange;
import io.gbgate.sip.manscdp.CatalogEvent;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.manscdp.ManscdpResult;
import io.gbgate.sip.manscdp.MobilePositionNotify;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Catalog changes, alarms and positions as subscription NOTIFYs and as plain MESSAGEs. */
class EventNotificationTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 20, 9, 15, 30);

    private Loopback loop;

    @AfterEach
    void close() throws InterruptedException {
        if (loop != null) {
            loop.close();
        }
    }

    private static AlarmNotify alarm(long sn) {
        return new AlarmNotify(sn, "34020000001340000001", 1, "5", NOW, "motion", 116.39, 39.91, "2");
    }

    private static MobilePositionNotify position(long sn) {
        return new MobilePositionNotify(sn, DEVICE_ID, NOW, 116.397, 39.908, 42.0, 90.0, 50.0);
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void subscribedEventsArriveAsNotifyAndReachTheListener(SipTransport transport) throws Exception {
        loop = Loopback.registered(transport);
        Await.until("catalog", () -> loop.platform.channels(DEVICE_ID).size() == GbFixture.CHANNELS);
        for (SubscriptionKind kind : SubscriptionKind.values()) {
            loop.platform.subscribe(DEVICE_ID, kind, Duration.ofSeconds(2)).get(15, TimeUnit.SECONDS);
        }
        CatalogItem first = GbFixture.channels().get(0);
        CatalogItem added = new CatalogItem("34020000001310000099", "New camera", "gbgate", "SIM-1", "Owner",
                "3402000000", "Lab", 0, DEVICE_ID, 1, 0, "ON", null, null, 1);
        List<CatalogChange> changes = List.of(new CatalogChange(CatalogEvent.ADD, added),
                new CatalogChange(CatalogEvent.DEL, GbFixture.channels().get(1)),
                new CatalogChange(CatalogEvent.OFF, new CatalogItem(first.deviceId(), null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null)));

        loop.device.reportCatalogChanges(changes, EventDelivery.SUBSCRIBERS).get(15, TimeUnit.SECONDS);
        loop.device.raiseAlarm(alarm(41), EventDelivery.SUBSCRIBERS).get(15, TimeUnit.SECONDS);
        loop.device.reportPosition(position(42), EventDelivery.SUBSCRIBERS).get(15, TimeUnit.SECONDS);

        // the platform answers 200 before it calls the listener
        Await.until("listener calls", () -> loop.events.catalogChanges.size() == 1 && loop.events.alarms.size() == 1
                && loop.events.positions.size() == 1);
        assertThat(loop.events.catalogChanges).containsExactly(changes);
        assertThat(loop.events.alarms).containsExactly(alarm(41));
        assertThat(loop.events.positions).containsExactly(position(42));
        assertThat(loop.device.alarmAcknowledgements()).as("a NOTIFY's 200 is the acknowledgement").isEmpty();
        List<CatalogItem> channels = loop.platform.channels(DEVICE_ID);
        assertThat(channels).extracting(CatalogItem::deviceId).contains(added.deviceId())
                .doesNotContain(GbFixture.channels().get(1).deviceId()).hasSize(GbFixture.CHANNELS);
        assertThat(channels).filteredOn(c -> c.deviceId().equals(first.deviceId())).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo("OFF");
                    assertThat(c.name()).as("details kept on a bare OFF").isEqualTo(first.name());
                });

        Await.until("subscriptions refreshed", () -> loop.device.subscriptions().stream()
                .allMatch(s -> s.refreshes() >= 1));
        loop.device.raiseAlarm(alarm(43), EventDelivery.SUBSCRIBERS).get(15, TimeUnit.SECONDS);
        Await.until("second alarm", () -> loop.events.alarms.size() == 2);
        assertThat(loop.events.alarms).as("still delivered after the refresh").containsExactly(alarm(41), alarm(43));
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void alarmAndPositionAsMessageReachTheListenerAndTheAlarmIsAcknowledged(SipTransport transport)
            throws Exception {
        loop = Loopback.registered(transport);

        loop.device.raiseAlarm(alarm(7), EventDelivery.MESSAGE).get(15, TimeUnit.SECONDS);
        loop.device.reportPosition(position(8), EventDelivery.MESSAGE).get(15, TimeUnit.SECONDS);

        Await.until("alarm acknowledged", () -> !loop.device.alarmAcknowledgements().isEmpty());
        Await.until("position reported", () -> !loop.events.positions.isEmpty());
        assertThat(loop.events.alarms).containsExactly(alarm(7));
        assertThat(loop.events.positions).containsExactly(position(8));
        assertThat(loop.device.alarmAcknowledgements())
                .containsExactly(new AlarmResponse(7, alarm(7).deviceId(), ManscdpResult.OK));
    }

    @Test
    void notifyWithoutSubscriberFailsAndUnsubscribedDevicesGetNone() throws Exception {
        loop = Loopback.registered(SipTransport.UDP);
        Subscription alarms = loop.platform.subscribe(DEVICE_ID, SubscriptionKind.ALARM, Duration.ofSeconds(60))
                .get(15, TimeUnit.SECONDS);
        loop.platform.unsubscribe(alarms.id()).get(15, TimeUnit.SECONDS);

        assertThatThrownBy(() -> loop.device.raiseAlarm(alarm(9), EventDelivery.SUBSCRIBERS)
                .get(15, TimeUnit.SECONDS)).hasMessageContaining("no ALARM subscriber");
        assertThat(loop.events.alarms).isEmpty();
    }
}
