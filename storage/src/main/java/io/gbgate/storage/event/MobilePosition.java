package io.gbgate.storage.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A position a device notified: a row of {@code mobile_positions}.
 *
 * @param id           database ID (null before it is stored)
 * @param deviceId     the registered device that sent the notification
 * @param targetId     the device or channel the position belongs to (the notification's DeviceID)
 * @param positionTime when the position was taken, device local time
 * @param longitude    degrees
 * @param latitude     degrees
 * @param speed        km/h, or null
 * @param direction    degrees clockwise from north, or null
 * @param altitude     metres, or null
 * @param receivedAt   when the gateway received it
 */
public record MobilePosition(Long id, String deviceId, String targetId, LocalDateTime positionTime, double longitude,
                             double latitude, Double speed, Double direction, Double altitude, Instant receivedAt) {

    /** Validates identifiers, time and coordinates. */
    public MobilePosition {
        EventIds.require(deviceId, "device id");
        EventIds.require(targetId, "position target id");
        Objects.requireNonNull(positionTime, "positionTime");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (!Double.isFinite(longitude) || Math.abs(longitude) > 180 || !Double.isFinite(latitude)
                || Math.abs(latitude) > 90) {
            throw new IllegalArgumentException("position out of range: " + longitude + ", " + latitude);
        }
    }

    /** This position as stored under {@code newId}. */
    MobilePosition withId(long newId) {
        return new MobilePosition(newId, deviceId, targetId, positionTime, longitude, latitude, speed, direction,
                altitude, receivedAt);
    }
}
