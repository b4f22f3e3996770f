package io.gbgate.storage;

import java.time.Instant;

/**
 * A stored device: one row of {@code devices}. Fields other than {@code deviceId}, {@code online},
 * {@code createdAt} and {@code updatedAt} are null until the device reported them.
 *
 * @param deviceId                 20-digit GB/T 28181 device code
 * @param name                     device name
 * @param manufacturer             manufacturer
 * @param model                    model
 * @param firmware                 firmware version
 * @param transport                SIP transport of the last registration ({@code UDP}/{@code TCP})
 * @param remoteHost               address of the last registration
 * @param remotePort               port of the last registration
 * @param online                   whether the gateway currently considers the device reachable
 * @param registeredAt             time of the last accepted registration
 * @param lastKeepaliveAt          time of the last keepalive
 * @param keepaliveIntervalSeconds expected keepalive period
 * @param expiresAt                when the last registration lapses
 * @param channelCount             channel count from the last {@code DeviceInfo} answer
 * @param createdAt                when the row was created
 * @param updatedAt                when the row was last changed
 */
public record DeviceRecord(String deviceId, String name, String manufacturer, String model, String firmware,
                           String transport, String remoteHost, Integer remotePort, boolean online,
                           Instant registeredAt, Instant lastKeepaliveAt, Integer keepaliveIntervalSeconds,
                           Instant expiresAt, Integer channelCount, Instant createdAt, Instant updatedAt) {

    /** Validates the identifier. */
    public DeviceRecord {
        Columns.requireId(deviceId, "device id");
    }
}
