package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.RecordInfoQuery;
import io.gbgate.sip.manscdp.RecordInfoResponse;
import io.gbgate.sip.manscdp.RecordItem;
import java.util.List;

/**
 * RecordInfo: the configured recordings of the queried channel that overlap the query window, split
 * over MESSAGEs of {@link DeviceState#records} items each, all with the query's SN and the total as
 * SumNum (only the first page in incomplete mode). Pages go out in reverse time order, as some
 * devices do, so the platform has to order them.
 */
final class RecordInfoAnswer implements DeviceMessageHandler<RecordInfoQuery> {

    private final DeviceAnswers answers;

    RecordInfoAnswer(DeviceAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Class<RecordInfoQuery> type() {
        return RecordInfoQuery.class;
    }

    @Override
    public void handle(RecordInfoQuery query) {
        List<RecordItem> matching = answers.state().records().stream()
                .filter(r -> r.deviceId().equals(query.deviceId()))
                .filter(r -> r.endTime().isAfter(query.startTime()) && r.startTime().isBefore(query.endTime()))
                .sorted((a, b) -> b.startTime().compareTo(a.startTime()))
                .toList();
        String name = answers.config().deviceName();
        if (matching.isEmpty()) {
            answers.send(new RecordInfoResponse(query.sn(), query.deviceId(), name, 0, List.of()));
            return;
        }
        int step = answers.state().recordItemsPerMessage();
        int pages = answers.incomplete() ? 1 : (matching.size() + step - 1) / step;
        for (int page = 0; page < pages; page++) {
            List<RecordItem> part = matching.subList(page * step, Math.min(matching.size(), (page + 1) * step));
            answers.send(new RecordInfoResponse(query.sn(), query.deviceId(), name, matching.size(), part));
        }
    }
}
