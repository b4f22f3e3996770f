package io.gbgate.sip.manscdp;

/**
 * Notify(Keepalive): the periodic heartbeat a device sends to its platform.
 *
 * @param sn       sequence number
 * @param deviceId device ID
 * @param status   device status as reported, normally {@code OK}; null when the device omits it
 */
public record KeepaliveNotify(long sn, String deviceId, String status) implements ManscdpMessage {

    /** The status a healthy device reports. */
    public static final String STATUS_OK = "OK";

    /** The CmdType value. */
    public static final String CMD_TYPE = "Keepalive";

    public KeepaliveNotify {
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
