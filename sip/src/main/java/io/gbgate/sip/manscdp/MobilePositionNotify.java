package io.gbgate.sip.manscdp;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Notify(MobilePosition): a mobile device reports where it is (sent while a MobilePosition subscription runs).
 *
 * @param sn        sequence number
 * @param deviceId  device ID
 * @param time      when the position was taken (local time)
 * @param longitude longitude in degrees
 * @param latitude  latitude in degrees
 * @param speed     speed in km/h, or null
 * @param direction heading in degrees clockwise from north, or null
 * @param altitude  altitude in metres, or null
 */
public record MobilePositionNotify(long sn, String deviceId, LocalDateTime time, double longitude, double latitude,
                                   Double speed, Double direction, Double altitude) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "MobilePosition";

    public MobilePositionNotify {
        MessageChecks.header(sn, deviceId);
        Objects.requireNonNull(time, "time");
        if (!Double.isFinite(longitude) || !Double.isFinite(latitude)) {
            throw new IllegalArgumentException("position must be finite: " + longitude + ", " + latitude);
        }
    }

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.NOTIFY;
    }

    @Override
    public String cmdType() {
        return CMD_TYPE;
    }
}
