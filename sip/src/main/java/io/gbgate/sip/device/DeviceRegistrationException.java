package io.gbgate.sip.device;

/** The platform refused or did not answer the device's REGISTER. */
public final class DeviceRegistrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /**
     * @param statusCode final SIP status, or 0 for a timeout / send failure
     * @param message    explanation
     */
    public DeviceRegistrationException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    /** Final SIP status of the refusal, 0 without response. */
    public int statusCode() {
        return statusCode;
    }
}
