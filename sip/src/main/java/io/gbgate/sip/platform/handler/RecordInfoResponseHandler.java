package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.RecordInfoResponse;
import io.gbgate.sip.manscdp.RecordItem;
import io.gbgate.sip.platform.RecordList;
import io.gbgate.sip.platform.RegisteredDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RecordInfo answers, which devices split over several MESSAGEs with the query's SN: items are
 * collected per query until SumNum arrived, then the waiting query completes with them in time order.
 * Only queries that are waiting ({@link #open}) collect; stray pages are dropped. A query that times
 * out takes what arrived with {@link #takePartial}.
 */
public final class RecordInfoResponseHandler implements ManscdpCommandHandler<RecordInfoResponse> {

    private final PendingAnswers pending;
    private final Map<PendingAnswers.Key, Round> rounds = new ConcurrentHashMap<>();

    /** Creates the handler. */
    public RecordInfoResponseHandler(PendingAnswers pending) {
        this.pending = pending;
    }

    @Override
    public Class<RecordInfoResponse> type() {
        return RecordInfoResponse.class;
    }

    /** Starts collecting the answer to the query {@code key} for {@code channelId}. */
    public void open(PendingAnswers.Key key, String channelId) {
        rounds.put(key, new Round(key.deviceId(), channelId));
    }

    @Override
    public void handle(RegisteredDevice device, RecordInfoResponse message) {
        PendingAnswers.Key key = new PendingAnswers.Key(device.deviceId(), RecordInfoResponse.CMD_TYPE, message.sn());
        Round round = rounds.get(key);
        if (round == null) {
            return;
        }
        Optional<RecordList> complete;
        synchronized (round) {
            complete = round.add(message);
        }
        if (complete.isPresent() && rounds.remove(key, round)) {
            pending.complete(key, complete.get());
        }
    }

    /** What arrived for {@code key} so far, flagged partial, and stops collecting it. */
    public RecordList takePartial(PendingAnswers.Key key) {
        Round round = rounds.remove(key);
        if (round == null) {
            return null;
        }
        synchronized (round) {
            return round.list(true);
        }
    }

    /** Stops collecting {@code key} (query failed). */
    public void close(PendingAnswers.Key key) {
        rounds.remove(key);
    }

    /** The pages of one query; guarded by its own monitor. */
    private static final class Round {
        private final String deviceId;
        private final String channelId;
        private final List<RecordItem> items = new ArrayList<>();
        private int sumNum = -1;

        Round(String deviceId, String channelId) {
            this.deviceId = deviceId;
            this.channelId = channelId;
        }

        Optional<RecordList> add(RecordInfoResponse page) {
            sumNum = Math.max(sumNum, page.sumNum());
            items.addAll(page.items());
            return items.size() >= sumNum ? Optional.of(list(false)) : Optional.empty();
        }

        RecordList list(boolean partial) {
            return RecordList.sorted(deviceId, channelId, Math.max(sumNum, 0), items, partial);
        }
    }
}
