package io.gbgate.sip.id;

import java.util.Optional;

/**
 * The type code (digits 11..13) of a 20-digit GB/T 28181 ID, as listed in the standard's coding rules.
 * Codes the standard reserves or leaves to extensions have no constant; {@link GbId#typeCode()} still gives them.
 */
public enum GbDeviceType {
    DVR(111),
    VIDEO_SERVER(112),
    ENCODER(113),
    DECODER(114),
    VIDEO_SWITCH_MATRIX(115),
    AUDIO_SWITCH_MATRIX(116),
    ALARM_CONTROLLER(117),
    NVR(118),
    HVR(119),
    CAMERA(131),
    IPC(132),
    DISPLAY(133),
    ALARM_INPUT(134),
    ALARM_OUTPUT(135),
    VOICE_INPUT(136),
    VOICE_OUTPUT(137),
    MOBILE_TRANSMITTER(138),
    OTHER_PERIPHERAL(139),
    CENTER_SIGNALLING_SERVER(200),
    WEB_APPLICATION_SERVER(201),
    MEDIA_DISTRIBUTION_SERVER(202),
    PROXY_SERVER(203),
    SECURITY_SERVER(204),
    ALARM_SERVER(205),
    DATABASE_SERVER(206),
    GIS_SERVER(207),
    MANAGEMENT_SERVER(208),
    ACCESS_GATEWAY(209),
    MEDIA_STORAGE_SERVER(210),
    SIGNALLING_SECURITY_GATEWAY(211),
    BUSINESS_GROUP(215),
    VIRTUAL_ORGANIZATION(216),
    CENTER_USER(300),
    END_USER(400);

    private final int code;

    GbDeviceType(int code) {
        this.code = code;
    }

    /** The three-digit type code. */
    public int code() {
        return code;
    }

    /** The constant for a type code, if the standard names it. */
    public static Optional<GbDeviceType> ofCode(int code) {
        for (GbDeviceType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
