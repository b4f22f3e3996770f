package io.gbgate.storage.event;

/**
 * A catalog channel with its position and its distance from a queried point.
 *
 * @param deviceId       device the channel belongs to
 * @param channelId      channel code
 * @param name           channel name, or null
 * @param online         whether the channel can be played
 * @param longitude      WGS-84 longitude in degrees
 * @param latitude       WGS-84 latitude in degrees
 * @param distanceMeters great-circle distance from the queried point
 */
public record ChannelPosition(String deviceId, String channelId, String name, boolean online, double longitude,
                              double latitude, double distanceMeters) {
}
