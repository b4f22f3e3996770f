package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.AlarmResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Response(Alarm): the platform acknowledged an alarm the device sent as MESSAGE. */
final class AlarmResponseReceipt implements DeviceMessageHandler<AlarmResponse> {

    private final List<AlarmResponse> received = new CopyOnWriteArrayList<>();

    List<AlarmResponse> received() {
        return List.copyOf(received);
    }

    @Override
    public Class<AlarmResponse> type() {
        return AlarmResponse.class;
    }

    @Override
    public void handle(AlarmResponse message) {
        received.add(message);
    }
}
