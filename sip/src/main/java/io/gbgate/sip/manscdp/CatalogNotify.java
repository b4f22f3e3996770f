package io.gbgate.sip.manscdp;

import java.util.List;

/**
 * Notify(Catalog): catalog changes sent while a Catalog subscription runs (the subscription body itself is a
 * {@link CatalogQuery}). Like catalog responses, large changes may be split over several messages.
 *
 * @param sn       sequence number
 * @param deviceId device ID
 * @param sumNum   total number of changes over all messages
 * @param changes  the changes in this message
 */
public record CatalogNotify(long sn, String deviceId, int sumNum, List<CatalogChange> changes)
        implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "Catalog";

    public CatalogNotify {
        MessageChecks.header(sn, deviceId);
        if (sumNum < 0) {
            throw new IllegalArgumentException("SumNum must not be negative: " + sumNum);
        }
        changes = List.copyOf(changes);
    }

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.NOTIFY;
    }

    @Override
    public String cmdType() {
        return CMD_TYPE;
    }
}
