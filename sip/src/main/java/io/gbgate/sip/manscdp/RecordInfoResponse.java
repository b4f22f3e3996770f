package io.gbgate.sip.manscdp;

import java.util.List;

/**
 * Response(RecordInfo): one page of a channel's recordings. Long lists arrive in several messages with the same
 * SN; {@code sumNum} is the total over all pages, the page's {@code RecordList Num} is {@code items.size()}.
 *
 * @param sn       sequence number of the query being answered
 * @param deviceId channel ID
 * @param name     channel name, or null
 * @param sumNum   total number of recordings over all pages
 * @param items    the recordings in this page
 */
public record RecordInfoResponse(long sn, String deviceId, String name, int sumNum, List<RecordItem> items)
        implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "RecordInfo";

    public RecordInfoResponse {
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
