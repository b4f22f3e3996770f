package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.AlarmNotify;
import io.gbgate.sip.manscdp.AlarmResponse;
import io.gbgate.sip.manscdp.ManscdpResult;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alarm notifications: reported to the listener. An alarm sent as plain MESSAGE is acknowledged with
 * a Response(Alarm) Result OK MESSAGE, as GB/T 28181 asks; an alarm in a subscription NOTIFY is
 * acknowledged by the NOTIFY's 200 alone.
 */
public final class AlarmNotifyHandler implements ManscdpCommandHandler<AlarmNotify> {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmNotifyHandler.class);

    private final PlatformListener listener;
    private final DeviceRequests requests;
    private final Predicate<String> isSubscription;

    /** Creates the handler; {@code isSubscription} tells a subscription's Call-ID apart. */
    public AlarmNotifyHandler(PlatformListener listener, DeviceRequests requests, Predicate<String> isSubscription) {
        this.listener = listener;
        this.requests = requests;
        this.isSubscription = isSubscription;
    }

    @Override
    public Class<AlarmNotify> type() {
        return AlarmNotify.class;
    }

    @Override
    public void handle(RegisteredDevice device, AlarmNotify message) {
        handle(device, message, null);
    }

    @Override
    public void handle(RegisteredDevice device, AlarmNotify message, String callId) {
        listener.alarm(device.deviceId(), message);
        if (callId == null || !isSubscription.test(callId)) {
            requests.sendManscdp(device, new AlarmResponse(message.sn(), message.deviceId(), ManscdpResult.OK))
                    .exceptionally(e -> {
                        LOG.info("alarm response to {} not delivered: {}", device.deviceId(), e.getMessage());
                        return null;
                    });
        }
    }
}
