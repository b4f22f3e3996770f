package io.gbgate.sip.platform;

import java.util.Objects;

/**
 * A query, control, subscription or in-call request to a device failed; {@link #failure()} says how.
 */
public final class DeviceCommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How a request to a device failed. */
    public enum Failure {
        /** The device is not registered (unknown ID, unregistered or expired). */
        NOT_REGISTERED,
        /** There is no such call or subscription (already ended, or never set up). */
        UNKNOWN_DIALOG,
        /** The request could not be sent (no route, stack closed). */
        NOT_SENT,
        /** The device refused the SIP request with a status of 300 or more. */
        REFUSED,
        /** No answer within the timeout (SIP transaction or MANSCDP answer). */
        NO_ANSWER,
        /** The device answered the command with {@code Result ERROR}. */
        DEVICE_ERROR
    }

    private final Failure failure;
    private final String deviceId;
    private final int statusCode;

    /** Failure without SIP status. */
    public DeviceCommandException(Failure failure, String deviceId, String message) {
        this(failure, deviceId, 0, message, null);
    }

    /** Failure with an optional SIP status (REFUSED) and cause. */
    public DeviceCommandException(Failure failure, String deviceId, int statusCode, String message, Throwable cause) {
        super(failure + " (" + deviceId + "): " + message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.deviceId = deviceId;
        this.statusCode = statusCode;
    }

    /** How the request failed. */
    public Failure failure() {
        return failure;
    }

    /** The device (or call) the request went to. */
    public String deviceId() {
        return deviceId;
    }

    /** SIP status of a REFUSED request, else 0. */
    public int statusCode() {
        return statusCode;
    }
}
