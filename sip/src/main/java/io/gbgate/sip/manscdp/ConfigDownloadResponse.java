package io.gbgate.sip.manscdp;

/**
 * Response(ConfigDownload): the requested configuration blocks.
 *
 * @param sn         sequence number of the query being answered
 * @param deviceId   device ID
 * @param result     OK / ERROR, or null when left out
 * @param basicParam the basic parameters, or null when not sent
 */
public record ConfigDownloadResponse(long sn, String deviceId, ManscdpResult result, BasicParam basicParam)
        implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "ConfigDownload";

    public ConfigDownloadResponse {
        MessageChecks.header(sn, deviceId);
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
