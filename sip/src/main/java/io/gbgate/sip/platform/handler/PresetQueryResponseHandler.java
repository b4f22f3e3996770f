package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.PresetQueryResponse;
import io.gbgate.sip.platform.RegisteredDevice;

/** PresetQuery answers completing the waiting query (matched by device, CmdType and SN). */
public final class PresetQueryResponseHandler implements ManscdpCommandHandler<PresetQueryResponse> {

    private final PendingAnswers pending;

    /** Creates the handler. */
    public PresetQueryResponseHandler(PendingAnswers pending) {
        this.pending = pending;
    }

    @Override
    public Class<PresetQueryResponse> type() {
        return PresetQueryResponse.class;
    }

    @Override
    public void handle(RegisteredDevice device, PresetQueryResponse message) {
        pending.complete(new PendingAnswers.Key(device.deviceId(), PresetQueryResponse.CMD_TYPE, message.sn()), message);
    }
}
