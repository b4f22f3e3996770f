package io.gbgate.sip.manscdp;

/**
 * The {@code BasicParam} configuration block of DeviceConfig and ConfigDownload. Fields are null when left out
 * (a DeviceConfig changes only the fields it carries).
 *
 * @param name              device name
 * @param expiration        registration expiry in seconds
 * @param heartBeatInterval keepalive interval in seconds
 * @param heartBeatCount    missed keepalives before the device counts as offline
 */
public record BasicParam(String name, Integer expiration, Integer heartBeatInterval, Integer heartBeatCount) {

    /** The element name, also the {@code ConfigType} value asking for it. */
    public static final String ELEMENT = "BasicParam";

    public BasicParam {
        nonNegative("Expiration", expiration);
        nonNegative("HeartBeatInterval", heartBeatInterval);
        nonNegative("HeartBeatCount", heartBeatCount);
    }

    private static void nonNegative(String field, Integer value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(field + " must not be negative: " + value);
        }
    }
}
