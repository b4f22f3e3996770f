package io.gbgate.gateway.device;

import io.gbgate.gateway.stream.StreamService;
import io.gbgate.sip.manscdp.AlarmNotify;
import io.gbgate.sip.manscdp.CatalogChange;
import io.gbgate.sip.manscdp.CatalogEvent;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.manscdp.MediaStatusNotify;
import io.gbgate.sip.manscdp.MobilePositionNotify;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;
import io.gbgate.sip.platform.SipPlatform;
import io.gbgate.sip.platform.Subscription;
import io.gbgate.sip.platform.SubscriptionKind;
import io.gbgate.storage.ChannelRecord;
import io.gbgate.storage.ChannelRepository;
import io.gbgate.storage.event.AlarmRepository;
import io.gbgate.storage.event.DeviceAlarm;
import io.gbgate.storage.event.MobilePosition;
import io.gbgate.storage.event.PositionRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What devices notify beyond registration: subscribes every registering device to catalog, alarm and position
 * events (as configured); applies catalog changes to the stored channels; stores alarms (and publishes a
 * {@link DeviceAlarmEvent}) and positions; ends history streams whose recording the device finished.
 * Runs on SIP threads; database work is short.
 */
public final class DeviceEventRecorder implements PlatformListener {
    private static final Logger log = LoggerFactory.getLogger(DeviceEventRecorder.class);

    private final SubscriptionProperties settings;
    private final Supplier<SipPlatform> sip;
    private final Supplier<StreamService> streams;
    private final ChannelRepository channels;
    private final AlarmRepository alarms;
    private final PositionRepository positions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public DeviceEventRecorder(SubscriptionProperties settings, Supplier<SipPlatform> sip,
                               Supplier<StreamService> streams, ChannelRepository channels, AlarmRepository alarms,
                               PositionRepository positions, ApplicationEventPublisher events, Clock clock) {
        this.settings = settings;
        this.sip = sip;
        this.streams = streams;
        this.channels = channels;
        this.alarms = alarms;
        this.positions = positions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void deviceRegistered(RegisteredDevice device) {
        Set<SubscriptionKind> wanted = EnumSet.noneOf(SubscriptionKind.class);
        if (settings.catalog()) {
            wanted.add(SubscriptionKind.CATALOG);
        }
        if (settings.alarm()) {
            wanted.add(SubscriptionKind.ALARM);
        }
        if (settings.mobilePosition()) {
            wanted.add(SubscriptionKind.MOBILE_POSITION);
        }
        SipPlatform platform = sip.get();
        for (Subscription running : platform.subscriptions()) {
            if (running.deviceId().equals(device.deviceId())) {
                wanted.remove(running.kind()); // registered again: the subscription still runs
            }
        }
        for (SubscriptionKind kind : wanted) {
            platform.subscribe(device.deviceId(), kind, settings.expires()).whenComplete((subscription, error) -> {
                if (error != null) {
                    log.info("device {}: {} subscription refused: {}", device.deviceId(), kind, error.getMessage());
                } else {
                    log.info("device {}: subscribed to {} for {} s", device.deviceId(), kind, subscription.expires());
                }
            });
        }
    }

    @Override
    public void catalogChanged(String deviceId, List<CatalogChange> changes) {
        Map<String, CatalogItem> known = sip.get().channels(deviceId).stream()
                .collect(Collectors.toMap(CatalogItem::deviceId, Function.identity(), (a, b) -> b));
        List<ChannelRecord> upserts = new ArrayList<>();
        for (CatalogChange change : changes) {
            String channelId = change.item().deviceId();
            if (change.event() == CatalogEvent.DEL) {
                boolean removed = channels.delete(deviceId, channelId);
                log.info("device {}: channel {} deleted{}", deviceId, channelId, removed ? "" : " (was not stored)");
                continue;
            }
            ChannelRecord record = CatalogItems.toChannel(deviceId, known.getOrDefault(channelId, change.item()));
            if (record != null) {
                upserts.add(record);
            }
        }
        channels.upsertAll(deviceId, upserts);
        log.info("device {}: {} catalog changes applied", deviceId, changes.size());
    }

    @Override
    public void alarm(String deviceId, AlarmNotify alarm) {
        DeviceAlarm stored = alarms.insert(new DeviceAlarm(null, deviceId, alarm.deviceId(), alarm.alarmPriority(),
                alarm.alarmMethod(), alarm.alarmType(), alarm.alarmTime(), alarm.alarmDescription(),
                alarm.longitude(), alarm.latitude(), clock.instant(), null));
        log.info("device {}: alarm {} from {} (method {}, type {}, priority {})", deviceId, stored.id(),
                alarm.deviceId(), alarm.alarmMethod(), alarm.alarmType(), alarm.alarmPriority());
        events.publishEvent(new DeviceAlarmEvent(stored));
    }

    @Override
    public void mobilePosition(String deviceId, MobilePositionNotify position) {
        try {
            positions.insert(new MobilePosition(null, deviceId, position.deviceId(), position.time(),
                    position.longitude(), position.latitude(), position.speed(), position.direction(),
                    position.altitude(), clock.instant()));
        } catch (IllegalArgumentException e) {
            log.info("device {}: position of {} not stored: {}", deviceId, position.deviceId(), e.getMessage());
        }
    }

    @Override
    public void mediaStatus(String deviceId, String callId, String channelId, int notifyType) {
        if (notifyType == MediaStatusNotify.FILE_END) {
            log.info("device {}: recording of channel {} ended (call {})", deviceId, channelId, callId);
            streams.get().fileEnded(callId);
        }
    }

    @Override
    public void subscriptionEnded(Subscription subscription, String reason) {
        log.info("device {}: {} subscription ended: {} (renewed at the next registration)",
                subscription.deviceId(), subscription.kind(), reason);
    }
}
