package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.DeviceStatusResponse;
import io.gbgate.sip.platform.RegisteredDevice;

/** DeviceStatus answers completing the waiting query (matched by device, CmdType and SN). */
public final class DeviceStatusResponseHandler implements ManscdpCommandHandler<DeviceStatusResponse> {

    private final PendingAnswers pending;

    /** Creates the handler. */
    public DeviceStatusResponseHandler(PendingAnswers pending) {
        this.pending = pending;
    }

    @Override
    public Class<DeviceStatusResponse> type() {
        return DeviceStatusResponse.class;
    }

    @Override
    public void handle(RegisteredDevice device, DeviceStatusResponse message) {
        pending.complete(new PendingAnswers.Key(device.deviceId(), DeviceStatusResponse.CMD_TYPE, message.sn()), message);
    }
}
