package io.gbgate.sip.manscdp;

/**
 * One {@code Item} of a catalog response: a channel, a sub-device or a grouping node. Only {@code deviceId} is
 * required; every other field is null when the device leaves it out (or sends it empty).
 *
 * @param deviceId     20-digit ID of the channel / node
 * @param name         display name
 * @param manufacturer manufacturer
 * @param model        model
 * @param owner        owner
 * @param civilCode    administrative division code
 * @param address      installation address
 * @param parental     1 if it has children, 0 if not
 * @param parentId     ID of the parent device or group
 * @param registerWay  1 RFC 3261 registration, 2 password-based, 3 certificate-based
 * @param secrecy      0 not secret, 1 secret
 * @param status       {@code ON} / {@code OFF} (some devices write ONLINE / OFFLINE)
 * @param longitude    longitude in degrees
 * @param latitude     latitude in degrees
 * @param ptzType      {@code Info/PTZType}: 1 dome, 2 semi-dome, 3 fixed box, 4 remote-controlled box
 */
public record CatalogItem(String deviceId, String name, String manufacturer, String model, String owner,
                          String civilCode, String address, Integer parental, String parentId, Integer registerWay,
                          Integer secrecy, String status, Double longitude, Double latitude, Integer ptzType) {

    public CatalogItem {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("catalog item DeviceID must not be blank");
        }
    }

    /** Whether the device reports this channel online ({@code ON} or {@code ONLINE}, case ignored). */
    public boolean isOnline() {
        return "ON".equalsIgnoreCase(status) || "ONLINE".equalsIgnoreCase(status);
    }
}
