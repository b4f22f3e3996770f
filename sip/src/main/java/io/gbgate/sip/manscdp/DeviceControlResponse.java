package io.gbgate.sip.manscdp;

import java.util.Objects;

/**
 * Response(DeviceControl): the outcome of a control command.
 *
 * @param sn       sequence number of the control being answered
 * @param deviceId device or channel ID
 * @param result   OK / ERROR
 */
public record DeviceControlResponse(long sn, String deviceId, ManscdpResult result) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "DeviceControl";

    public DeviceControlResponse {
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
