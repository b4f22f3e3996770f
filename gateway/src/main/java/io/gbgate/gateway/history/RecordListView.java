package io.gbgate.gateway.history;

import io.gbgate.sip.manscdp.RecordItem;
import io.gbgate.sip.platform.RecordList;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The recordings a channel's device reported for a time range, aggregated over all answer messages and ordered
 * by time; {@code partial} when the device stopped answering before it sent all {@code sumNum}.
 */
public record RecordListView(String deviceId, String channelId, int sumNum, boolean partial, List<Item> items) {

    /** One recording; times are the device's local time. */
    public record Item(String name, String filePath, String address, LocalDateTime startTime, LocalDateTime endTime,
                       Integer secrecy, String type, String recorderId, Long fileSize) {
    }

    static RecordListView of(RecordList list) {
        return new RecordListView(list.deviceId(), list.channelId(), list.sumNum(), list.partial(),
                list.items().stream().map(RecordListView::item).toList());
    }

    private static Item item(RecordItem r) {
        return new Item(r.name(), r.filePath(), r.address(), r.startTime(), r.endTime(), r.secrecy(),
                r.type() == null ? null : r.type().toString(), r.recorderId(), r.fileSize());
    }
}
