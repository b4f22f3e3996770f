package io.gbgate.sip.manscdp;

/**
 * Query(ConfigDownload): the platform asks for configuration blocks.
 *
 * @param sn         sequence number
 * @param deviceId   device ID
 * @param configType requested blocks as sent, e.g. {@code BasicParam} (several are joined with '/')
 */
public record ConfigDownloadQuery(long sn, String deviceId, String configType) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "ConfigDownload";

    public ConfigDownloadQuery {
        MessageChecks.header(sn, deviceId);
        if (configType == null || configType.isBlank()) {
            throw new IllegalArgumentException("ConfigType must not be blank");
        }
    }

    /** Asks for {@code BasicParam}. */
    public static ConfigDownloadQuery basicParam(long sn, String deviceId) {
        return new ConfigDownloadQuery(sn, deviceId, BasicParam.ELEMENT);
    }

    /** Whether {@code BasicParam} is among the requested blocks. */
    public boolean wantsBasicParam() {
        for (String type : configType.split("/")) {
            if (ManscdpQuirks.sameName(BasicParam.ELEMENT, type.strip())) {
                return true;
            }
        }
        return false;
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
