package io.gbgate.sip.id;

import java.util.Objects;
import java.util.Optional;

/**
 * A 20-digit GB/T 28181 device / platform / channel ID, for example {@code 34020000001320000001}.
 * Layout (1-based digit positions): 1..8 centre (civil) code, 9..10 industry, 11..13 type,
 * 14 network identifier, 15..20 serial number.
 *
 * @param value the twenty decimal digits
 */
public record GbId(String value) {

    /** Number of digits in an ID. */
    public static final int LENGTH = 20;

    /**
     * @throws IllegalArgumentException if {@code value} is not exactly twenty ASCII digits
     */
    public GbId {
        Objects.requireNonNull(value, "id");
        if (!isValid(value)) {
            throw new IllegalArgumentException("GB28181 ID must be 20 decimal digits, got '" + value + "'");
        }
    }

    /** Parses and validates an ID. */
    public static GbId of(String value) {
        return new GbId(value);
    }

    /** Whether {@code value} is a syntactically valid 20-digit ID. */
    public static boolean isValid(String value) {
        return value != null && value.length() == LENGTH && allDigits(value);
    }

    static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !value.isEmpty();
    }

    /** Digits 1..8: centre code (administrative division / civil code plus grass-roots unit). */
    public String centerCode() {
        return value.substring(0, 8);
    }

    /** Digits 9..10: industry code. */
    public String industryCode() {
        return value.substring(8, 10);
    }

    /** Digits 11..13 as a number: the type code. */
    public int typeCode() {
        return Integer.parseInt(value.substring(10, 13));
    }

    /** Digit 14: network identifier (0..4 monitoring network, 5 public network, ...). */
    public int networkCode() {
        return value.charAt(13) - '0';
    }

    /** Digits 15..20: serial number. */
    public String serial() {
        return value.substring(14);
    }

    /** Digits 1..10: the SIP domain this ID belongs to. */
    public GbDomain domain() {
        return new GbDomain(value.substring(0, GbDomain.LENGTH));
    }

    /** The named type, if the standard names this type code. */
    public Optional<GbDeviceType> type() {
        return GbDeviceType.ofCode(typeCode());
    }

    /** Camera (131) or network camera IPC (132). */
    public boolean isCamera() {
        int type = typeCode();
        return type == GbDeviceType.CAMERA.code() || type == GbDeviceType.IPC.code();
    }

    /** Recorder: DVR (111), NVR (118) or hybrid HVR (119). */
    public boolean isRecorder() {
        int type = typeCode();
        return type == GbDeviceType.DVR.code() || type == GbDeviceType.NVR.code() || type == GbDeviceType.HVR.code();
    }

    /** Front-end device (111..199): things that register as devices or are channels of one. */
    public boolean isFrontEndDevice() {
        int type = typeCode();
        return type >= 111 && type <= 199;
    }

    /** Central signalling control server (200): a platform. */
    public boolean isPlatform() {
        return typeCode() == GbDeviceType.CENTER_SIGNALLING_SERVER.code();
    }

    /** Business group (215) or virtual organisation (216): catalog grouping nodes, not devices. */
    public boolean isGroup() {
        int type = typeCode();
        return type == GbDeviceType.BUSINESS_GROUP.code() || type == GbDeviceType.VIRTUAL_ORGANIZATION.code();
    }

    @Override
    public String toString() {
        return value;
    }
}
