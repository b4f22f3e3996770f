package io.gbgate.sip.platform.handler;

import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;
import io.gbgate.sip.platform.SipPlatformConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks devices offline after {@code missedKeepalives} keepalive intervals without a keepalive
 * (interval = the observed cadence, or the configured default until known) and drops devices whose
 * registration ran out. Their channels go offline with them.
 */
public final class KeepaliveMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(KeepaliveMonitor.class);

    private final SipPlatformConfig config;
    private final DeviceRegistry registry;
    private final CatalogResponseHandler catalogs;
    private final PlatformListener listener;
    private final Clock clock;
    private ScheduledFuture<?> task;

    /** Creates the monitor; {@link #start} schedules it. */
    public KeepaliveMonitor(SipPlatformConfig config, DeviceRegistry registry, CatalogResponseHandler catalogs,
                            PlatformListener listener, Clock clock) {
        this.config = config;
        this.registry = registry;
        this.catalogs = catalogs;
        this.listener = listener;
        this.clock = clock;
    }

    /** Checks every {@code keepaliveCheckPeriod} on {@code scheduler}. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        long period = config.keepaliveCheckPeriod().toMillis();
        task = scheduler.scheduleWithFixedDelay(this::checkSafely, period, period, TimeUnit.MILLISECONDS);
    }

    /** Stops checking. */
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void checkSafely() {
        try {
            check(clock.instant());
        } catch (RuntimeException e) {
            LOG.error("keepalive check failed", e);
        }
    }

    /** One pass over all devices at time {@code now}. */
    void check(Instant now) {
        for (RegisteredDevice device : registry.all()) {
            if (now.isAfter(device.registrationEnds())) {
                if (registry.removeIfUnchanged(device)) {
                    reportOffline(device, "registration expired after " + device.expires() + " s");
                }
                continue;
            }
            Duration interval = device.observedKeepaliveInterval() != null
                    ? device.observedKeepaliveInterval() : config.defaultKeepaliveInterval();
            Duration allowed = interval.multipliedBy(config.missedKeepalives());
            Duration silent = Duration.between(device.lastSeen(), now);
            if (device.online() && silent.compareTo(allowed) > 0 && registry.markOffline(device)) {
                reportOffline(device, "no keepalive for " + silent.toMillis() + " ms (" + config.missedKeepalives()
                        + " x " + interval.toMillis() + " ms)");
            }
        }
    }

    private void reportOffline(RegisteredDevice device, String reason) {
        LOG.info("device {} offline: {}", device.deviceId(), reason);
        listener.deviceOffline(device.deviceId(), reason);
        listener.channelsOffline(device.deviceId(), catalogs.channelIds(device.deviceId()));
    }
}
