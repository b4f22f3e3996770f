package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of a simulated GB28181 device (camera / NVR) talking to a platform.
 *
 * @param deviceId               20-digit device ID (also the digest user name)
 * @param password               digest password
 * @param serverId               20-digit platform ID
 * @param serverDomain           10-digit platform domain (digest realm)
 * @param serverHost             platform address
 * @param serverPort             platform SIP port
 * @param transport              signalling transport to the platform
 * @param localHost              local bind address
 * @param localPort              local SIP port, 0 for any
 * @param registerExpires        requested registration lifetime in seconds; refreshed at 80 %
 * @param keepaliveInterval      keepalive MESSAGE cadence
 * @param channels               catalog items the device reports
 * @param catalogItemsPerMessage items per Catalog answer MESSAGE (answers are split to exercise SumNum)
 * @param deviceName             DeviceInfo DeviceName
 * @param manufacturer           DeviceInfo Manufacturer
 * @param model                  DeviceInfo Model
 * @param firmware               DeviceInfo Firmware
 */
public record SipDeviceConfig(String deviceId, String password, String serverId, String serverDomain,
                              String serverHost, int serverPort, SipTransport transport, String localHost,
                              int localPort, int registerExpires, Duration keepaliveInterval,
                              List<CatalogItem> channels, int catalogItemsPerMessage, String deviceName,
                              String manufacturer, String model, String firmware) {

    /** Validates the values. */
    public SipDeviceConfig {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(serverDomain, "serverDomain");
        Objects.requireNonNull(serverHost, "serverHost");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(localHost, "localHost");
        channels = List.copyOf(channels);
        if (registerExpires < 1) {
            throw new IllegalArgumentException("registerExpires must be positive");
        }
        if (keepaliveInterval == null || keepaliveInterval.isNegative() || keepaliveInterval.isZero()) {
            throw new IllegalArgumentException("keepaliveInterval must be positive");
        }
        if (catalogItemsPerMessage < 1) {
            throw new IllegalArgumentException("catalogItemsPerMessage must be positive");
        }
    }

    /** A device with expires 3600 s, keepalive 60 s, 5 catalog items per MESSAGE and generic device info. */
    public static SipDeviceConfig of(String deviceId, String password, String serverId, String serverDomain,
                                     String serverHost, int serverPort, SipTransport transport, String localHost,
                                     List<CatalogItem> channels) {
        return new SipDeviceConfig(deviceId, password, serverId, serverDomain, serverHost, serverPort, transport,
                localHost, 0, 3600, Duration.ofSeconds(60), channels, 5, "gbgate simulated camera", "gbgate",
                "SIM-1", "1.0");
    }

    /** Copy with another keepalive cadence. */
    public SipDeviceConfig withKeepaliveInterval(Duration interval) {
        return new SipDeviceConfig(deviceId, password, serverId, serverDomain, serverHost, serverPort, transport,
                localHost, localPort, registerExpires, interval, channels, catalogItemsPerMessage, deviceName,
                manufacturer, model, firmware);
    }

    /** Copy with another catalog split. */
    public SipDeviceConfig withCatalogItemsPerMessage(int itemsPerMessage) {
        return new SipDeviceConfig(deviceId, password, serverId, serverDomain, serverHost, serverPort, transport,
                localHost, localPort, registerExpires, keepaliveInterval, channels, itemsPerMessage, deviceName,
                manufacturer, model, firmware);
    }

    /** Copy with another password. */
    public SipDeviceConfig withPassword(String newPassword) {
        return new SipDeviceConfig(deviceId, newPassword, serverId, serverDomain, serverHost, serverPort, transport,
                localHost, localPort, registerExpires, keepaliveInterval, channels, catalogItemsPerMessage,
                deviceName, manufacturer, model, firmware);
    }

    /** Copy with another registration lifetime. */
    public SipDeviceConfig withRegisterExpires(int seconds) {
        return new SipDeviceConfig(deviceId, password, serverId, serverDomain, serverHost, serverPort, transport,
                localHost, localPort, seconds, keepaliveInterval, channels, catalogItemsPerMessage, deviceName,
                manufacturer, model, firmware);
    }
}
