package io.gbgate.sip.manscdp;

/**
 * Query(DeviceInfo): the platform asks a device for its identity and channel count.
 *
 * @param sn       sequence number
 * @param deviceId device ID
 */
public record DeviceInfoQuery(long sn, String deviceId) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "DeviceInfo";

    public DeviceInfoQuery {
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
