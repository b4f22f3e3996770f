package io.gbgate.sip.manscdp;

import java.util.Objects;

/**
 * Response(DeviceConfig): the outcome of a DeviceConfig control.
 *
 * @param sn       sequence number of the message being answered
 * @param deviceId device or channel ID
 * @param result   OK / ERROR
 */
public record DeviceConfigResponse(long sn, String deviceId, ManscdpResult result) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "DeviceConfig";

    public DeviceConfigResponse {
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
