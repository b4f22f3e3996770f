package io.gbgate.gateway.device;

import io.gbgate.sip.manscdp.AlarmNotify;
import io.gbgate.sip.manscdp.CatalogChange;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.manscdp.DeviceInfoResponse;
import io.gbgate.sip.manscdp.MobilePositionNotify;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;
import io.gbgate.sip.platform.RegistrationRefusal;
import io.gbgate.sip.platform.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every platform event to several listeners in order (the SIP platform takes one). A listener that
 * throws is logged and does not keep the event from the others.
 */
public final class PlatformListeners implements PlatformListener {
    private static final Logger log = LoggerFactory.getLogger(PlatformListeners.class);

    private final List<PlatformListener> listeners;

    public PlatformListeners(List<PlatformListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void each(String event, Consumer<PlatformListener> call) {
        for (PlatformListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("{} failed in {}", event, listener.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void deviceRegistered(RegisteredDevice device) {
        each("deviceRegistered", l -> l.deviceRegistered(device));
    }

    @Override
    public void registrationRefused(RegistrationRefusal refusal) {
        each("registrationRefused", l -> l.registrationRefused(refusal));
    }

    @Override
    public void deviceUnregistered(String deviceId) {
        each("deviceUnregistered", l -> l.deviceUnregistered(deviceId));
    }

    @Override
    public void deviceOffline(String deviceId, String reason) {
        each("deviceOffline", l -> l.deviceOffline(deviceId, reason));
    }

    @Override
    public void channelsOffline(String deviceId, List<String> channelIds) {
        each("channelsOffline", l -> l.channelsOffline(deviceId, channelIds));
    }

    @Override
    public void keepalive(String deviceId, Instant at) {
        each("keepalive", l -> l.keepalive(deviceId, at));
    }

    @Override
    public void deviceInfo(String deviceId, DeviceInfoResponse info) {
        each("deviceInfo", l -> l.deviceInfo(deviceId, info));
    }

    @Override
    public void catalog(String deviceId, List<CatalogItem> items, int sumNum) {
        each("catalog", l -> l.catalog(deviceId, items, sumNum));
    }

    @Override
    public void byeFromDevice(String callId, String deviceId, String reason) {
        each("byeFromDevice", l -> l.byeFromDevice(callId, deviceId, reason));
    }

    @Override
    public void catalogChanged(String deviceId, List<CatalogChange> changes) {
        each("catalogChanged", l -> l.catalogChanged(deviceId, changes));
    }

    @Override
    public void alarm(String deviceId, AlarmNotify alarm) {
        each("alarm", l -> l.alarm(deviceId, alarm));
    }

    @Override
    public void mobilePosition(String deviceId, MobilePositionNotify position) {
        each("mobilePosition", l -> l.mobilePosition(deviceId, position));
    }

    @Override
    public void mediaStatus(String deviceId, String callId, String channelId, int notifyType) {
        each("mediaStatus", l -> l.mediaStatus(deviceId, callId, channelId, notifyType));
    }

    @Override
    public void subscriptionEnded(Subscription subscription, String reason) {
        each("subscriptionEnded", l -> l.subscriptionEnded(subscription, reason));
    }
}
