package io.gbgate.sip.manscdp;

/**
 * Query(DeviceStatus): the platform asks for a device's or channel's running status.
 *
 * @param sn       sequence number
 * @param deviceId device or channel ID
 */
public record DeviceStatusQuery(long sn, String deviceId) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "DeviceStatus";

    public DeviceStatusQuery {
        MessageChecks.header(sn, deviceId);
    }

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.QUERY;
    }

    @Override
    public String cmdType() {
        return CMD_TYPE;
    }
}
