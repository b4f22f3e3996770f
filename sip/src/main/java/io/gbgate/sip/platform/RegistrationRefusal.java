package io.gbgate.sip.platform;

import java.time.Instant;

/**
 * A REGISTER the platform refused, as a vendor or installer needs to see it to fix the device: who, from where,
 * what was wrong and what the device was answered.
 *
 * @param at         when
 * @param deviceId   the From user of the REGISTER (may be no valid ID, then the reason says so)
 * @param remoteHost address the REGISTER really came from
 * @param remotePort its port
 * @param transport  UDP or TCP
 * @param reason     what was wrong
 * @param detail     the specifics in words (e.g. the realm the device used and the one expected)
 * @param status     the SIP status answered (400, 403, 423)
 */
public record RegistrationRefusal(Instant at, String deviceId, String remoteHost, int remotePort, String transport,
                                  Reason reason, String detail, int status) {

    /** Why a REGISTER was refused. */
    public enum Reason {
        /** The From user is not a 20-digit GB/T 28181 ID. */
        BAD_DEVICE_ID,
        /** The digest username is not the device ID of the From header. */
        USERNAME_MISMATCH,
        /** The digest realm is not the platform's SIP domain. */
        REALM_MISMATCH,
        /** The digest lacks its response or uri, or cannot be computed (algorithm, qop). */
        UNUSABLE_DIGEST,
        /** The digest response does not match the configured password. */
        WRONG_PASSWORD,
        /** Too many failures from this address for this device: refused without checking, for a while. */
        TOO_MANY_FAILURES,
        /** The asked registration time is below the platform's minimum. */
        INTERVAL_TOO_BRIEF
    }
}
