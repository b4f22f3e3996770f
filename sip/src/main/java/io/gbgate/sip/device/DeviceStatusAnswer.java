package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.DeviceStatusQuery;
import io.gbgate.sip.manscdp.DeviceStatusResponse;
import io.gbgate.sip.manscdp.ManscdpResult;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/** DeviceStatus: online, working, encoding; recording as set by RecordCmd; the device clock. */
final class DeviceStatusAnswer implements DeviceMessageHandler<DeviceStatusQuery> {

    private final DeviceAnswers answers;
    private final Clock clock;

    DeviceStatusAnswer(DeviceAnswers answers, Clock clock) {
        this.answers = answers;
        this.clock = clock;
    }

    @Override
    public Class<DeviceStatusQuery> type() {
        return DeviceStatusQuery.class;
    }

    @Override
    public void handle(DeviceStatusQuery query) {
        ManscdpResult result = answers.result();
        boolean ok = result == ManscdpResult.OK;
        answers.send(new DeviceStatusResponse(query.sn(), query.deviceId(), result, "ONLINE", ok ? "OK" : "ERROR",
                ok ? null : "simulated failure", "ON", answers.state().recording() ? "ON" : "OFF",
                LocalDateTime.now(clock), List.of()));
    }
}
