package io.gbgate.sip.manscdp;

/**
 * Query(MobilePosition): the body of a mobile position subscription (SUBSCRIBE, Event: presence).
 *
 * @param sn       sequence number
 * @param deviceId device ID
 * @param interval seconds between position notifies (the standard's default is 5), or null
 */
public record MobilePositionQuery(long sn, String deviceId, Integer interval) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "MobilePosition";

    public MobilePositionQuery {
        MessageChecks.header(sn, deviceId);
        if (interval != null && interval <= 0) {
            throw new IllegalArgumentException("Interval must be positive: " + interval);
        }
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
