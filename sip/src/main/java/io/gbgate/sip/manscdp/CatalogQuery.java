package io.gbgate.sip.manscdp;

/**
 * Query(Catalog): the platform asks a device for its channel list.
 *
 * @param sn       sequence number
 * @param deviceId device ID
 */
public record CatalogQuery(long sn, String deviceId) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "Catalog";

    public CatalogQuery {
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
