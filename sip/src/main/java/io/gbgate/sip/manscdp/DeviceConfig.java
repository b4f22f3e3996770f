package io.gbgate.sip.manscdp;

import java.util.Objects;

/**
 * Control(DeviceConfig): the platform changes a device's configuration; answered by {@link DeviceConfigResponse}.
 *
 * @param sn         sequence number
 * @param deviceId   device ID
 * @param basicParam the basic parameters to change (only the non-null fields)
 */
public record DeviceConfig(long sn, String deviceId, BasicParam basicParam) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "DeviceConfig";

    public DeviceConfig {
        MessageChecks.header(sn, deviceId);
        Objects.requireNonNull(basicParam, "basicParam");
    }

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.CONTROL;
    }

    @Override
    public String cmdType() {
        return CMD_TYPE;
    }
}
