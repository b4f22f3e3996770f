package io.gbgate.sip.manscdp;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Response(DeviceStatus): a device's running status. Text fields are kept as the device writes them (devices
 * differ: {@code ONLINE} / {@code ON}); fields other than SN and DeviceID are null when left out.
 *
 * @param sn          sequence number of the query being answered
 * @param deviceId    device or channel ID
 * @param result      OK / ERROR
 * @param online      {@code ONLINE} / {@code OFFLINE}
 * @param status      {@code OK} or {@code ERROR} (normal working or not)
 * @param reason      why the status is not OK, or null
 * @param encode      {@code ON} / {@code OFF}: whether it is encoding
 * @param record      {@code ON} / {@code OFF}: whether it is recording
 * @param deviceTime  the device's clock (local time)
 * @param alarmStatus guard state of the alarm inputs, empty if none
 */
public record DeviceStatusResponse(long sn, String deviceId, ManscdpResult result, String online, String status,
                                   String reason, String encode, String record, LocalDateTime deviceTime,
                                   List<AlarmStatusItem> alarmStatus) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "DeviceStatus";

    public DeviceStatusResponse {
        MessageChecks.header(sn, deviceId);
        alarmStatus = List.copyOf(alarmStatus);
    }

    /** Whether the device reports itself online ({@code ONLINE} or {@code ON}, case ignored). */
    public boolean isOnline() {
        return "ONLINE".equalsIgnoreCase(online) || "ON".equalsIgnoreCase(online);
    }

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.RESPONSE;
    }

    @Override
    public String cmdType() {
        return CMD_TYPE;
    }
}
