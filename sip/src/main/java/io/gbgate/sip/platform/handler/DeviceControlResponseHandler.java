package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.DeviceControlResponse;
import io.gbgate.sip.manscdp.ManscdpResult;
import io.gbgate.sip.platform.DeviceControlResult;
import io.gbgate.sip.platform.RegisteredDevice;

/** DeviceControl answers (Result OK/ERROR) completing the waiting control command. */
public final class DeviceControlResponseHandler implements ManscdpCommandHandler<DeviceControlResponse> {

    private final PendingAnswers pending;

    /** Creates the handler. */
    public DeviceControlResponseHandler(PendingAnswers pending) {
        this.pending = pending;
    }

    @Override
    public Class<DeviceControlResponse> type() {
        return DeviceControlResponse.class;
    }

    @Override
    public void handle(RegisteredDevice device, DeviceControlResponse message) {
        DeviceControlResult result = new DeviceControlResult(device.deviceId(), message.sn(),
                message.result() == ManscdpResult.OK, message.result().xmlValue());
        pending.complete(new PendingAnswers.Key(device.deviceId(), DeviceControlResponse.CMD_TYPE, message.sn()),
                result);
    }
}
