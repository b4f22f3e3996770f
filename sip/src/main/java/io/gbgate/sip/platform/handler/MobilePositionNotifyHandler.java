package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.MobilePositionNotify;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;

/** MobilePosition notifications (subscription NOTIFY or plain MESSAGE), reported to the listener. */
public final class MobilePositionNotifyHandler implements ManscdpCommandHandler<MobilePositionNotify> {

    private final PlatformListener listener;

    /** Creates the handler. */
    public MobilePositionNotifyHandler(PlatformListener listener) {
        this.listener = listener;
    }

    @Override
    public Class<MobilePositionNotify> type() {
        return MobilePositionNotify.class;
    }

    @Override
    public void handle(RegisteredDevice device, MobilePositionNotify message) {
        listener.mobilePosition(device.deviceId(), message);
    }
}
