package io.gbgate.gateway.webhook;

import io.gbgate.gateway.device.DeviceStateRecorder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends {@code device.online} and {@code device.offline} hooks for the transitions the SIP side records. */
public final class DeviceHooks implements DeviceStateRecorder.StateListener {
    private static final Logger log = LoggerFactory.getLogger(DeviceHooks.class);
    private final WebhookPublisher publisher;

    public DeviceHooks(WebhookPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void online(String deviceId) {
        publish(HookType.DEVICE_ONLINE, Map.of("deviceId", deviceId));
    }

    @Override
    public void offline(String deviceId, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("deviceId", deviceId);
        data.put("reason", reason);
        publish(HookType.DEVICE_OFFLINE, data);
    }

    private void publish(HookType type, Map<String, ?> data) {
        try {
            publisher.publish(type, data);
        } catch (RuntimeException e) {
            // the SIP side must go on; the database being down loses this hook (logged)
            log.warn("{} hook for {} not queued: {}", type.wireName(), data, e.toString());
        }
    }
}
