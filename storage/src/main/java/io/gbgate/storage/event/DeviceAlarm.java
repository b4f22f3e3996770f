package io.gbgate.storage.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An alarm a device notified: a row of {@code device_alarms}. Fields the device left out are null.
 *
 * @param id          database ID (null before it is stored)
 * @param deviceId    the registered device that sent the notification
 * @param sourceId    the alarm source it named (device, channel or alarm input ID)
 * @param priority    1 (highest) .. 4, or null
 * @param method      alarm method code (1 phone .. 7 other), or null
 * @param alarmType   alarm type within the method, or null
 * @param alarmTime   when it happened, device local time, or null
 * @param description free text, or null
 * @param longitude   degrees, or null
 * @param latitude    degrees, or null
 * @param receivedAt  when the gateway received it
 * @param resetAt     when an operator reset it through the gateway, or null
 */
public record DeviceAlarm(Long id, String deviceId, String sourceId, Integer priority, String method,
                          String alarmType, LocalDateTime alarmTime, String description, Double longitude,
                          Double latitude, Instant receivedAt, Instant resetAt) {

    /** Validates the identifiers and the receive time. */
    public DeviceAlarm {
        EventIds.require(deviceId, "device id");
        EventIds.require(sourceId, "alarm source id");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** This alarm as stored under {@code newId}. */
    DeviceAlarm withId(long newId) {
        return new DeviceAlarm(newId, deviceId, sourceId, priority, method, alarmType, alarmTime, description,
                longitude, latitude, receivedAt, resetAt);
    }
}
