package io.gbgate.gateway.stream;

import java.util.Map;

/** The transport a play uses when the request names none: per device, else the gateway default. */
public final class TransportPolicy {
    private final MediaTransport defaultTransport;
    private final Map<String, MediaTransport> perDevice;

    public TransportPolicy(MediaTransport defaultTransport, Map<String, MediaTransport> perDevice) {
        this.defaultTransport = defaultTransport;
        this.perDevice = Map.copyOf(perDevice);
    }

    /** Parses the settings {@code gbgate.media.default-transport} and {@code gbgate.media.device-transports}. */
    public static TransportPolicy of(String defaultTransport, Map<String, String> perDevice) {
        java.util.HashMap<String, MediaTransport> parsed = new java.util.HashMap<>();
        if (perDevice != null) {
            perDevice.forEach((device, transport) -> parsed.put(device, MediaTransport.parse(transport)));
        }
        return new TransportPolicy(MediaTransport.parse(defaultTransport), parsed);
    }

    public MediaTransport defaultFor(String deviceId) {
        return perDevice.getOrDefault(deviceId, defaultTransport);
    }
}
