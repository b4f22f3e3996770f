package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.KeepaliveNotify;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keepalive notifications: refreshes the device's last-seen time and observed cadence and brings an
 * offline (but still registered) device back online. Unregistered senders never get here:
 * {@link MessageHandler} refuses them with 403.
 */
public final class KeepaliveHandler implements ManscdpCommandHandler<KeepaliveNotify> {

    private final DeviceRegistry registry;
    private final PlatformListener listener;
    private final Clock clock;
    private final Duration assumedInterval;

    /** Creates the handler; {@code assumedInterval} seeds the cadence estimate of each device. */
    public KeepaliveHandler(DeviceRegistry registry, PlatformListener listener, Clock clock,
                            Duration assumedInterval) {
        this.assumedInterval = assumedInterval;
        this.registry = registry;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public Class<KeepaliveNotify> type() {
        return KeepaliveNotify.class;
    }

    @Override
    public void handle(RegisteredDevice device, KeepaliveNotify message) {
        Instant now = clock.instant();
        registry.update(device.deviceId(), d -> d.withKeepalive(now, assumedInterval))
                .ifPresent(updated -> listener.keepalive(updated.deviceId(), now));
    }
}
