package io.gbgate.sip.platform;

import io.gbgate.sip.manscdp.AlarmNotify;
import io.gbgate.sip.manscdp.CatalogChange;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.manscdp.MobilePositionNotify;
import io.gbgate.sip.manscdp.DeviceInfoResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test listener recording every platform event. */
final class RecordingPlatformListener implements PlatformListener {

    record CatalogEvent(String deviceId, List<CatalogItem> items, int sumNum) {
    }

    record ByeEvent(String callId, String deviceId, String reason) {
    }

    final List<RegisteredDevice> registered = new CopyOnWriteArrayList<>();
    final List<String> unregistered = new CopyOnWriteArrayList<>();
    final List<RegistrationRefusal> refusals = new CopyOnWriteArrayList<>();
    final List<String> offline = new CopyOnWriteArrayList<>();
    final List<List<String>> channelsOffline = new CopyOnWriteArrayList<>();
    final List<String> keepalives = new CopyOnWriteArrayList<>();
    final List<DeviceInfoResponse> deviceInfos = new CopyOnWriteArrayList<>();
    final List<CatalogEvent> catalogs = new CopyOnWriteArrayList<>();
    final List<ByeEvent> byes = new CopyOnWriteArrayList<>();
    final List<Subscription> subscriptionsEnded = new CopyOnWriteArrayList<>();
    final List<List<CatalogChange>> catalogChanges = new CopyOnWriteArrayList<>();
    final List<AlarmNotify> alarms = new CopyOnWriteArrayList<>();
    final List<MobilePositionNotify> positions = new CopyOnWriteArrayList<>();
    final List<MediaStatusEvent> mediaStatus = new CopyOnWriteArrayList<>();

    record MediaStatusEvent(String deviceId, String callId, String channelId, int notifyType) {
    }

    @Override
    public void deviceRegistered(RegisteredDevice device) {
        registered.add(device);
    }

    @Override
    public void registrationRefused(RegistrationRefusal refusal) {
        refusals.add(refusal);
    }

    @Override
    public void deviceUnregistered(String deviceId) {
        unregistered.add(deviceId);
    }

    @Override
    public void deviceOffline(String deviceId, String reason) {
        offline.add(deviceId);
    }

    @Override
    public void channelsOffline(String deviceId, List<String> channelIds) {
        channelsOffline.add(channelIds);
    }

    @Override
    public void keepalive(String deviceId, Instant at) {
        keepalives.add(deviceId);
    }

    @Override
    public void deviceInfo(String deviceId, DeviceInfoResponse info) {
        deviceInfos.add(info);
    }

    @Override
    public void catalog(String deviceId, List<CatalogItem> items, int sumNum) {
        catalogs.add(new CatalogEvent(deviceId, items, sumNum));
    }

    @Override
    public void byeFromDevice(String callId, String deviceId, String reason) {
        byes.add(new ByeEvent(callId, deviceId, reason));
    }

    @Override
    public void subscriptionEnded(Subscription subscription, String reason) {
        subscriptionsEnded.add(subscription);
    }

    @Override
    public void catalogChanged(String deviceId, List<CatalogChange> changes) {
        catalogChanges.add(changes);
    }

    @Override
    public void alarm(String deviceId, AlarmNotify alarm) {
        alarms.add(alarm);
    }

    @Override
    public void mobilePosition(String deviceId, MobilePositionNotify position) {
        positions.add(position);
    }

    @Override
    public void mediaStatus(String deviceId, String callId, String channelId, int notifyType) {
        mediaStatus.add(new MediaStatusEvent(deviceId, callId, channelId, notifyType));
    }
}
