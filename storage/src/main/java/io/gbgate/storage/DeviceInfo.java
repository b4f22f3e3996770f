package io.gbgate.storage;

/**
 * Descriptive device data from a GB/T 28181 {@code DeviceInfo} query answer. Any field may be null when the
 * device did not report it; a null overwrites what was stored before.
 *
 * @param deviceId     20-digit GB/T 28181 device code
 * @param name         device name ({@code DeviceName})
 * @param manufacturer manufacturer
 * @param model        model
 * @param firmware     firmware version
 * @param channelCount number of channels the device reports ({@code Channel}), or null
 */
public record DeviceInfo(String deviceId, String name, String manufacturer, String model, String firmware,
                         Integer channelCount) {

    /** Validates the identifier and the channel count. */
    public DeviceInfo {
        Columns.requireId(deviceId, "device id");
        if (channelCount != null && channelCount < 0) {
            throw new IllegalArgumentException("channel count must not be negative: " + channelCount);
        }
    }
}
