package io.gbgate.storage;

import java.time.Instant;

/**
 * A catalog channel of a device: one row of {@code channels}, as reported in a GB/T 28181 {@code Catalog} answer.
 * When written, {@code createdAt} and {@code updatedAt} are ignored and assigned by the repository; use
 * {@link #reported} to build a record for writing.
 *
 * @param deviceId     device the channel belongs to
 * @param channelId    20-digit GB/T 28181 channel code
 * @param name         channel name
 * @param manufacturer manufacturer
 * @param model        model
 * @param status       status as reported ({@code ON}, {@code OFF}, ...)
 * @param online       whether the channel can be played
 * @param parentId     parent device, platform or virtual organisation code
 * @param civilCode    administrative region code
 * @param address      installation address
 * @param longitude    WGS-84 longitude in degrees, or null
 * @param latitude     WGS-84 latitude in degrees, or null
 * @param ptzType      GB/T 28181 {@code PTZType} (1 dome, 2 half dome, 3 fixed bullet, 4 PTZ bullet), or null
 * @param createdAt    when the row was created (null before it was stored)
 * @param updatedAt    when the row was last changed (null before it was stored)
 */
public record ChannelRecord(String deviceId, String channelId, String name, String manufacturer, String model,
                            String status, boolean online, String parentId, String civilCode, String address,
                            Double longitude, Double latitude, Integer ptzType, Instant createdAt,
                            Instant updatedAt) {

    /** Validates identifiers and coordinates. */
    public ChannelRecord {
        Columns.requireId(deviceId, "device id");
        Columns.requireId(channelId, "channel id");
        Columns.optionalId(parentId, "parent id");
        if (longitude != null && !(longitude >= -180.0 && longitude <= 180.0)) {
            throw new IllegalArgumentException("longitude out of range: " + longitude);
        }
        if (latitude != null && !(latitude >= -90.0 && latitude <= 90.0)) {
            throw new IllegalArgumentException("latitude out of range: " + latitude);
        }
    }

    /** A channel as reported by its device, not yet stored (no timestamps). */
    public static ChannelRecord reported(String deviceId, String channelId, String name, String manufacturer,
                                         String model, String status, boolean online, String parentId,
                                         String civilCode, String address, Double longitude, Double latitude,
                                         Integer ptzType) {
        return new ChannelRecord(deviceId, channelId, name, manufacturer, model, status, online, parentId,
                civilCode, address, longitude, latitude, ptzType, null, null);
    }
}
