package io.gbgate.sip.platform;

import io.gbgate.sip.manscdp.RecordItem;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The recordings a channel reported for a RecordInfo query, aggregated over all answer MESSAGEs.
 *
 * @param deviceId  device asked
 * @param channelId channel whose recordings these are
 * @param sumNum    number of recordings the device announced (0 when no answer arrived)
 * @param items     the recordings that arrived, ordered by start then end time
 * @param partial   true when the query timed out before {@code sumNum} items arrived
 */
public record RecordList(String deviceId, String channelId, int sumNum, List<RecordItem> items, boolean partial) {

    private static final Comparator<RecordItem> TIME_ORDER = Comparator.comparing(RecordItem::startTime)
            .thenComparing(RecordItem::endTime);

    /** Copies the items. */
    public RecordList {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(channelId, "channelId");
        items = List.copyOf(items);
    }

    /** A list with {@code items} put in time order. */
    public static RecordList sorted(String deviceId, String channelId, int sumNum, List<RecordItem> items,
                                    boolean partial) {
        return new RecordList(deviceId, channelId, sumNum, items.stream().sorted(TIME_ORDER).toList(), partial);
    }
}
