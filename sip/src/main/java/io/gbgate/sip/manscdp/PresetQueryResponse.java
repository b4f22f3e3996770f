package io.gbgate.sip.manscdp;

import java.util.List;

/**
 * Response(PresetQuery): the presets of a PTZ channel ({@code PresetList Num="n"}).
 *
 * @param sn       sequence number of the query being answered
 * @param deviceId channel ID
 * @param presets  the presets, possibly empty
 */
public record PresetQueryResponse(long sn, String deviceId, List<PresetItem> presets) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "PresetQuery";

    public PresetQueryResponse {
        MessageChecks.header(sn, deviceId);
        presets = List.copyOf(presets);
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
