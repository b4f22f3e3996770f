package io.gbgate.sip.manscdp;

/**
 * Query(PresetQuery): the platform asks for the presets of a PTZ channel.
 *
 * @param sn       sequence number
 * @param deviceId device or channel ID
 */
public record PresetQuery(long sn, String deviceId) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "PresetQuery";

    public PresetQuery {
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
