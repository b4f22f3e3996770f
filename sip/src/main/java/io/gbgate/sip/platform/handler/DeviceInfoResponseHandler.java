package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.DeviceInfoResponse;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;

/** DeviceInfo answers: reported to the listener and to the waiting query. */
public final class DeviceInfoResponseHandler implements ManscdpCommandHandler<DeviceInfoResponse> {

    private final PendingAnswers pending;
    private final PlatformListener listener;

    /** Creates the handler. */
    public DeviceInfoResponseHandler(PendingAnswers pending, PlatformListener listener) {
        this.pending = pending;
        this.listener = listener;
    }

    @Override
    public Class<DeviceInfoResponse> type() {
        return DeviceInfoResponse.class;
    }

    @Override
    public void handle(RegisteredDevice device, DeviceInfoResponse message) {
        listener.deviceInfo(device.deviceId(), message);
        pending.complete(new PendingAnswers.Key(device.deviceId(), DeviceInfoResponse.CMD_TYPE, message.sn()), message);
    }
}
