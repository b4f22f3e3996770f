package io.gbgate.sip.manscdp;

import java.util.List;

/**
 * Response(Catalog): one page of a device's channel list. Large catalogs arrive in several messages with the
 * same SN; {@code sumNum} is the total over all pages, the page's {@code DeviceList Num} is {@code items.size()}.
 *
 * @param sn       sequence number of the query being answered
 * @param deviceId device ID
 * @param sumNum   total number of items over all pages
 * @param items    the items in this page
 */
public record CatalogResponse(long sn, String deviceId, int sumNum, List<CatalogItem> items)
        implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "Catalog";

    public CatalogResponse {
        MessageChecks.header(sn, deviceId);
        if (sumNum < 0) {
            throw new IllegalArgumentException("SumNum must not be negative: " + sumNum);
        }
        items = List.copyOf(items);
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
