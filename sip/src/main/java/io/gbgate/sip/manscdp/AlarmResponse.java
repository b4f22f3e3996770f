package io.gbgate.sip.manscdp;

import java.util.Objects;

/**
 * Response(Alarm): the platform's acknowledgement of an alarm notify (or of an alarm subscription).
 *
 * @param sn       sequence number of the message being answered
 * @param deviceId device or channel ID
 * @param result   OK / ERROR
 */
public record AlarmResponse(long sn, String deviceId, ManscdpResult result) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "Alarm";

    public AlarmResponse {
        MessageChecks.header(sn, deviceId);
        Objects.requireNonNull(result, "result");
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
