package io.gbgate.sip.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of the GB28181 platform (SIP server) role.
 *
 * @param id                       20-digit platform SIP ID
 * @param domain                   10-digit SIP domain, also the digest realm
 * @param bindHost                 local address of the UDP and TCP listening points
 * @param port                     SIP port (0 picks a free one, see {@link SipPlatform#port()})
 * @param announcedHost            address written into Via/Contact/SDP (what devices can reach)
 * @param password                 password of every device without an entry in {@code devicePasswords}
 * @param devicePasswords          per-device passwords by device ID
 * @param nonceExpiry              lifetime of a digest nonce; older nonces are answered with stale=true
 * @param defaultKeepaliveInterval keepalive interval assumed until a device's cadence has been observed
 * @param missedKeepalives         a device is offline after this many intervals without keepalive
 * @param keepaliveCheckPeriod     how often the keepalive monitor looks at the devices
 * @param minRegisterExpires       shorter REGISTER Expires are refused with 423 (0 always unregisters)
 * @param maxRegisterExpires       longer REGISTER Expires are lowered to this value
 * @param queryTimeout             how long a Catalog/DeviceInfo/DeviceControl query waits for the answer
 * @param inviteTimeout            how long an INVITE waits for a final response before NO_ANSWER
 * @param maxMessageSize           largest accepted SIP message in bytes
 */
public record SipPlatformConfig(String id, String domain, String bindHost, int port, String announcedHost,
                                String password, Map<String, String> devicePasswords, Duration nonceExpiry,
                                Duration defaultKeepaliveInterval, int missedKeepalives,
                                Duration keepaliveCheckPeriod, int minRegisterExpires, int maxRegisterExpires,
                                Duration queryTimeout, Duration inviteTimeout, int maxMessageSize) {

    /** Validates identifiers, bounds and durations. */
    public SipPlatformConfig {
        requireDigits(id, 20, "platform id");
        requireDigits(domain, 10, "domain");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(announcedHost, "announcedHost");
        Objects.requireNonNull(password, "password");
        devicePasswords = Map.copyOf(devicePasswords);
        requirePositive(nonceExpiry, "nonceExpiry");
        requirePositive(defaultKeepaliveInterval, "defaultKeepaliveInterval");
        requirePositive(keepaliveCheckPeriod, "keepaliveCheckPeriod");
        requirePositive(queryTimeout, "queryTimeout");
        requirePositive(inviteTimeout, "inviteTimeout");
        if (missedKeepalives < 1) {
            throw new IllegalArgumentException("missedKeepalives must be at least 1");
        }
        if (minRegisterExpires < 1 || maxRegisterExpires < minRegisterExpires) {
            throw new IllegalArgumentException("register expires bounds invalid: " + minRegisterExpires + ".."
                    + maxRegisterExpires);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Production defaults: keepalive 60 s x 3, nonce 5 min, expires 60..86400 s, query 10 s, INVITE 10 s.
     */
    public static SipPlatformConfig defaults(String id, String domain, String bindHost, int port, String password) {
        return new SipPlatformConfig(id, domain, bindHost, port, bindHost, password, Map.of(),
                Duration.ofMinutes(5), Duration.ofSeconds(60), 3, Duration.ofSeconds(5), 60, 86_400,
                Duration.ofSeconds(10), Duration.ofSeconds(10), 64 * 1024);
    }

    /** Copy with other keepalive supervision values. */
    public SipPlatformConfig withKeepalive(Duration defaultInterval, int missed, Duration checkPeriod) {
        return new SipPlatformConfig(id, domain, bindHost, port, announcedHost, password, devicePasswords,
                nonceExpiry, defaultInterval, missed, checkPeriod, minRegisterExpires, maxRegisterExpires,
                queryTimeout, inviteTimeout, maxMessageSize);
    }

    /** Copy with other query and INVITE timeouts. */
    public SipPlatformConfig withTimeouts(Duration query, Duration invite) {
        return new SipPlatformConfig(id, domain, bindHost, port, announcedHost, password, devicePasswords,
                nonceExpiry, defaultKeepaliveInterval, missedKeepalives, keepaliveCheckPeriod, minRegisterExpires,
                maxRegisterExpires, query, invite, maxMessageSize);
    }

    /** Copy with other REGISTER Expires bounds. */
    public SipPlatformConfig withRegisterExpires(int min, int max) {
        return new SipPlatformConfig(id, domain, bindHost, port, announcedHost, password, devicePasswords,
                nonceExpiry, defaultKeepaliveInterval, missedKeepalives, keepaliveCheckPeriod, min, max,
                queryTimeout, inviteTimeout, maxMessageSize);
    }

    /** Copy with per-device passwords. */
    public SipPlatformConfig withDevicePasswords(Map<String, String> passwords) {
        return new SipPlatformConfig(id, domain, bindHost, port, announcedHost, password, passwords,
                nonceExpiry, defaultKeepaliveInterval, missedKeepalives, keepaliveCheckPeriod, minRegisterExpires,
                maxRegisterExpires, queryTimeout, inviteTimeout, maxMessageSize);
    }

    /** Copy with another digest nonce lifetime. */
    public SipPlatformConfig withNonceExpiry(Duration expiry) {
        return new SipPlatformConfig(id, domain, bindHost, port, announcedHost, password, devicePasswords,
                expiry, defaultKeepaliveInterval, missedKeepalives, keepaliveCheckPeriod, minRegisterExpires,
                maxRegisterExpires, queryTimeout, inviteTimeout, maxMessageSize);
    }

    /** Copy with another SIP message size limit. */
    public SipPlatformConfig withMaxMessageSize(int bytes) {
        return new SipPlatformConfig(id, domain, bindHost, port, announcedHost, password, devicePasswords,
                nonceExpiry, defaultKeepaliveInterval, missedKeepalives, keepaliveCheckPeriod, minRegisterExpires,
                maxRegisterExpires, queryTimeout, inviteTimeout, bytes);
    }

    /** The password {@code deviceId} must use. */
    public String passwordOf(String deviceId) {
        return devicePasswords.getOrDefault(deviceId, password);
    }

    private static void requireDigits(String value, int length, String what) {
        if (value == null || value.length() != length || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(what + " must be " + length + " digits: " + value);
        }
    }

    private static void requirePositive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
    }
}
