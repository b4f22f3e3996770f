package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.device.DeviceAlarmEvent;
import io.gbgate.gateway.simulator.SimulatedCamera;
import io.gbgate.sip.device.DeviceSubscription;
import io.gbgate.sip.device.EventDelivery;
import io.gbgate.sip.device.SubscriptionTopic;
import io.gbgate.sip.manscdp.AlarmNotify;
import io.gbgate.sip.manscdp.CatalogChange;
import io.gbgate.sip.manscdp.CatalogEvent;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.manscdp.DeviceControlCommand;
import io.gbgate.sip.manscdp.MobilePositionNotify;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Subscriptions made at registration and what devices notify through them: alarms (stored, published,
 * reset), positions and catalog changes.
 */
class DeviceEventsTest extends GatewayTestBase {
    private static final LocalDateTime AT = LocalDateTime.parse("2026-11-23T16:30:00");

    @Autowired
    private ConfigurableApplicationContext context;

    private record Camera(String deviceId, String channelId, SimulatedCamera sim) {
    }

    private Camera subscribedCamera() throws Exception {
        String[] ids = newIds();
        SimulatedCamera sim = camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP),
                testPattern("events", 160, 120));
        Awaiting.until(Duration.ofSeconds(10), "catalog, alarm and position subscriptions",
                () -> sim.agent().subscriptions().stream().map(DeviceSubscription::topic).distinct().count() == 3);
        return new Camera(ids[0], ids[1], sim);
    }

    @Test
    void anAlarmIsStoredPublishedListedAndReset() throws Exception {
        Camera cam = subscribedCamera();
        List<DeviceAlarmEvent> published = new CopyOnWriteArrayList<>();
        context.addApplicationListener((PayloadApplicationEvent<?> event) -> {
            if (event.getPayload() instanceof DeviceAlarmEvent alarm && alarm.alarm().deviceId().equals(cam.deviceId())) {
                published.add(alarm);
            }
        });

        cam.sim().agent().raiseAlarm(new AlarmNotify(1, cam.channelId(), 1, "5", AT, "motion at the gate", 113.26,
                23.13, "2"), EventDelivery.SUBSCRIBERS).get(10, TimeUnit.SECONDS);

        String query = "/api/alarms?deviceId=" + cam.deviceId();
        Awaiting.until(Duration.ofSeconds(10), "alarm stored", () -> api().get(query).json().size() == 1);
        JsonNode alarm = api().get(query).json().get(0);
        assertThat(alarm.get("sourceId").asText()).isEqualTo(cam.channelId());
        assertThat(alarm.get("priority").asInt()).isEqualTo(1);
        assertThat(alarm.get("method").asText()).isEqualTo("5");
        assertThat(alarm.get("alarmType").asText()).isEqualTo("2");
        assertThat(alarm.get("alarmTime").asText()).isEqualTo("2026-11-23T16:30:00");
        assertThat(alarm.get("description").asText()).isEqualTo("motion at the gate");
        assertThat(alarm.has("resetAt")).as("not reset yet").isFalse();
        Awaiting.until(Duration.ofSeconds(5), "DeviceAlarmEvent published", () -> published.size() == 1);
        assertThat(published.get(0).alarm().id()).isEqualTo(alarm.get("id").asLong());

        ApiClient.Response reset = api().post("/api/alarms/" + alarm.get("id").asLong() + "/reset");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("device").get("result").asText()).isEqualTo("OK");
        assertThat(reset.json().get("alarm").has("resetAt")).isTrue();
        List<DeviceControlCommand> commands = cam.sim().agent().state().controls().commands();
        assertThat(commands.get(commands.size() - 1)).isEqualTo(new DeviceControlCommand.ResetAlarm("5", "2"));
        assertThat(cam.sim().agent().state().controls().received().get(commands.size() - 1).deviceId())
                .isEqualTo(cam.channelId());

        assertThat(api().get("/api/alarms?deviceId=" + cam.deviceId() + "&from=2020-01-01T00:00:00Z"
                + "&to=2020-01-02T00:00:00Z").json()).isEmpty();
        assertThat(api().post("/api/alarms/999999999/reset").status()).isEqualTo(404);
    }

    @Test
    void positionsAreKeptPerChannel() throws Exception {
        Camera cam = subscribedCamera();
        cam.sim().agent().reportPosition(new MobilePositionNotify(1, cam.channelId(), AT, 113.26, 23.13, 12.5, 90.0,
                15.0), EventDelivery.SUBSCRIBERS).get(10, TimeUnit.SECONDS);
        cam.sim().agent().reportPosition(new MobilePositionNotify(2, cam.channelId(), AT.plusSeconds(5), 113.27, 23.14,
                null, null, null), EventDelivery.SUBSCRIBERS).get(10, TimeUnit.SECONDS);

        String path = "/api/channels/" + cam.channelId() + "/positions";
        Awaiting.until(Duration.ofSeconds(10), "positions stored", () -> api().get(path).json().size() == 2);
        JsonNode positions = api().get(path).json();
        assertThat(positions).extracting(p -> p.get("positionTime").asText())
                .containsExactly("2026-11-23T16:30:00", "2026-11-23T16:30:05");
        assertThat(positions.get(0).get("longitude").asDouble()).isEqualTo(113.26);
        assertThat(positions.get(0).get("speed").asDouble()).isEqualTo(12.5);
        assertThat(positions.get(1).has("speed")).isFalse();
    }

    @Test
    void catalogChangesUpdateTheStoredChannels() throws Exception {
        Camera cam = subscribedCamera();
        String added = cam.channelId().substring(0, 14) + "999999";
        CatalogItem item = new CatalogItem(added, "added camera", "gbgate", "SIM-2", "test", "440102", "yard", 0,
                cam.deviceId(), null, 0, "ON", null, null, 1);
        cam.sim().agent().reportCatalogChanges(List.of(new CatalogChange(CatalogEvent.ADD, item)),
                EventDelivery.SUBSCRIBERS).get(10, TimeUnit.SECONDS);
        String channels = "/api/devices/" + cam.deviceId() + "/channels";
        Awaiting.until(Duration.ofSeconds(10), "added channel stored", () -> api().get(channels).body().contains(added));

        CatalogItem offline = new CatalogItem(cam.channelId(), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        cam.sim().agent().reportCatalogChanges(List.of(new CatalogChange(CatalogEvent.OFF, offline),
                new CatalogChange(CatalogEvent.DEL, item)), EventDelivery.SUBSCRIBERS).get(10, TimeUnit.SECONDS);
        Awaiting.until(Duration.ofSeconds(10), "deleted channel removed",
                () -> !api().get(channels).body().contains(added));
        JsonNode remaining = api().get(channels).json();
        assertThat(remaining).hasSize(1);
        assertThat(remaining.get(0).get("online").asBoolean()).as("OFF applied").isFalse();
        assertThat(remaining.get(0).get("name").asText()).as("details kept").isEqualTo("camera " + cam.channelId());
        assertThat(cam.sim().agent().subscriptions()).extracting(DeviceSubscription::topic)
                .contains(SubscriptionTopic.CATALOG);
    }
}
