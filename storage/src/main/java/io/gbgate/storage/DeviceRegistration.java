package io.gbgate.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * What a successful SIP REGISTER tells about a device: where it is reachable and until when.
 *
 * @param deviceId                 20-digit GB/T 28181 device code
 * @param transport                SIP transport the device used, e.g. {@code UDP} or {@code TCP}
 * @param remoteHost               address the REGISTER came from
 * @param remotePort               port the REGISTER came from (1..65535)
 * @param registeredAt             when the registration was accepted
 * @param expiresAt                when the registration lapses unless refreshed
 * @param keepaliveIntervalSeconds expected keepalive period, or null when unknown
 */
public record DeviceRegistration(String deviceId, String transport, String remoteHost, int remotePort,
                                 Instant registeredAt, Instant expiresAt, Integer keepaliveIntervalSeconds) {

    /** Validates the registration; descriptive text longer than its column is cut when stored. */
    public DeviceRegistration {
        Columns.requireId(deviceId, "device id");
        Objects.requireNonNull(transport, "transport");
        if (transport.isBlank() || transport.length() > Columns.TRANSPORT) {
            throw new IllegalArgumentException("transport must be 1.." + Columns.TRANSPORT + " characters: " + transport);
        }
        Objects.requireNonNull(remoteHost, "remoteHost");
        if (remotePort < 1 || remotePort > 65_535) {
            throw new IllegalArgumentException("remote port out of range: " + remotePort);
        }
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (keepaliveIntervalSeconds != null && keepaliveIntervalSeconds <= 0) {
            throw new IllegalArgumentException("keepalive interval must be positive: " + keepaliveIntervalSeconds);
        }
    }
}
