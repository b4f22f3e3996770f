package io.gbgate.gateway.device;

import io.gbgate.storage.event.DeviceAlarm;
import java.util.Objects;

/**
 * Published as a Spring application event (via {@code ApplicationEventPublisher#publishEvent(Object)}) for every
 * alarm a device notifies, after it was stored (so {@link DeviceAlarm#id()} is set). Listen with
 * {@code @EventListener(DeviceAlarmEvent.class)}. Published on a SIP thread: a listener that does slow work
 * (HTTP hooks, mail) must hand it to its own executor.
 *
 * @param alarm the stored alarm
 */
public record DeviceAlarmEvent(DeviceAlarm alarm) {

    public DeviceAlarmEvent {
        Objects.requireNonNull(alarm, "alarm");
    }
}
