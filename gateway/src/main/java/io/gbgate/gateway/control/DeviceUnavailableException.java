package io.gbgate.gateway.control;

/** The device is known but cannot be asked now (offline, or not registered to this gateway): answered 409. */
public final class DeviceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message) {
        super(message);
    }
}
