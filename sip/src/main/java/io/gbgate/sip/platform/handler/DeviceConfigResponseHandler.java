package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.DeviceConfigResponse;
import io.gbgate.sip.platform.RegisteredDevice;

/** DeviceConfig (Result OK/ERROR) answers completing the waiting query (matched by device, CmdType and SN). */
public final class DeviceConfigResponseHandler implements ManscdpCommandHandler<DeviceConfigResponse> {

    private final PendingAnswers pending;

    /** Creates the handler. */
    public DeviceConfigResponseHandler(PendingAnswers pending) {
        this.pending = pending;
    }

    @Override
    public Class<DeviceConfigResponse> type() {
        return DeviceConfigResponse.class;
    }

    @Override
    public void handle(RegisteredDevice device, DeviceConfigResponse message) {
        pending.complete(new PendingAnswers.Key(device.deviceId(), DeviceConfigResponse.CMD_TYPE, message.sn()), message);
    }
}
