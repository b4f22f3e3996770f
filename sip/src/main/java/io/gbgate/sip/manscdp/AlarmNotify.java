package io.gbgate.sip.manscdp;

import java.time.LocalDateTime;

/**
 * Notify(Alarm): a device reports an alarm; the platform answers with {@link AlarmResponse}. Fields other than SN
 * and DeviceID are null when left out.
 *
 * @param sn               sequence number
 * @param deviceId         alarm source (device, channel or alarm input) ID
 * @param alarmPriority    1 first-level (highest) .. 4 fourth-level
 * @param alarmMethod      1 phone, 2 device, 3 SMS, 4 GPS, 5 video, 6 device fault, 7 other
 * @param alarmTime        when the alarm happened (local time)
 * @param alarmDescription free text
 * @param longitude        longitude in degrees
 * @param latitude         latitude in degrees
 * @param alarmType        {@code Info/AlarmType}: the alarm type within the method (e.g. 2 motion detection for
 *                         video alarms)
 */
public record AlarmNotify(long sn, String deviceId, Integer alarmPriority, String alarmMethod,
                          LocalDateTime alarmTime, String alarmDescription, Double longitude, Double latitude,
                          String alarmType) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "Alarm";

    public AlarmNotify {
        MessageChecks.header(sn, deviceId);
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
