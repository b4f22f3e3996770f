package io.gbgate.gateway.device;

import io.gbgate.gateway.stream.StreamService;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.manscdp.DeviceInfoResponse;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;
import io.gbgate.storage.ChannelRecord;
import io.gbgate.storage.ChannelRepository;
import io.gbgate.storage.DeviceInfo;
import io.gbgate.storage.DeviceRegistration;
import io.gbgate.storage.DeviceRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the SIP platform learns about devices into rows in the database, and ends the
 * streams of devices that go away. Runs on jain-sip's threads; database work is short.
 */
public final class DeviceStateRecorder implements PlatformListener {
    private static final Logger log = LoggerFactory.getLogger(DeviceStateRecorder.class);

    private final DeviceRepository devices;
    private final ChannelRepository channels;
    private final Supplier<StreamService> streams;
    private final List<StateListener> listeners = new CopyOnWriteArrayList<>();

    /** Told when a device comes online or goes offline; called on jain-sip's threads, must return quickly. */
    public interface StateListener {
        void online(String deviceId);

        void offline(String deviceId, String reason);
    }

    public DeviceStateRecorder(DeviceRepository devices, ChannelRepository channels, Supplier<StreamService> streams) {
        this.devices = devices;
        this.channels = channels;
        this.streams = streams;
    }

    /** Adds a listener of online/offline transitions (registration refreshes of an online device are not told). */
    public void addStateListener(StateListener listener) {
        listeners.add(listener);
    }

    /**
     * At start-up no device is registered to this process yet: every device and channel is
     * offline until it registers again (devices re-register on their own).
     */
    public void markAllOffline() {
        int count = 0;
        for (var device : devices.findAll()) {
            if (device.online()) {
                devices.markOffline(device.deviceId());
                count++;
            }
        }
        if (count > 0) {
            log.info("{} devices marked offline until they register again", count);
        }
    }

    @Override
    public void deviceRegistered(RegisteredDevice device) {
        Integer interval = device.observedKeepaliveInterval() == null
                ? null : (int) device.observedKeepaliveInterval().toSeconds();
        boolean wasOnline = devices.findById(device.deviceId()).map(d -> d.online()).orElse(false);
        devices.upsertRegistration(new DeviceRegistration(device.deviceId(), device.transport().name(),
                device.remoteHost(), device.remotePort(), device.registeredAt(),
                device.registrationEnds(), interval));
        channels.restoreDeviceChannelsOnline(device.deviceId());
        log.info("device {} registered from {}:{} over {}", device.deviceId(), device.remoteHost(),
                device.remotePort(), device.transport());
        if (!wasOnline) {
            listeners.forEach(l -> l.online(device.deviceId()));
        }
    }

    @Override
    public void deviceUnregistered(String deviceId) {
        offline(deviceId, "device unregistered");
    }

    @Override
    public void deviceOffline(String deviceId, String reason) {
        offline(deviceId, reason);
    }

    @Override
    public void keepalive(String deviceId, Instant at) {
        devices.markKeepalive(deviceId, at);
    }

    @Override
    public void deviceInfo(String deviceId, DeviceInfoResponse info) {
        devices.updateInfo(new DeviceInfo(deviceId, info.deviceName(), info.manufacturer(), info.model(),
                info.firmware(), info.channels()));
    }

    @Override
    public void catalog(String deviceId, List<CatalogItem> items, int sumNum) {
        List<ChannelRecord> records = new ArrayList<>(items.size());
        for (CatalogItem item : items) {
            ChannelRecord record = CatalogItems.toChannel(deviceId, item);
            if (record != null) {
                records.add(record);
            }
        }
        channels.upsertAll(deviceId, records);
        log.info("device {}: catalog has {} of {} channels", deviceId, records.size(), sumNum);
    }

    @Override
    public void byeFromDevice(String callId, String deviceId, String reason) {
        streams.get().byeFromDevice(callId, reason);
    }

    private void offline(String deviceId, String reason) {
        boolean wasOnline = devices.findById(deviceId).map(d -> d.online()).orElse(false);
        streams.get().deviceOffline(deviceId, reason); // first: whoever sees the device offline sees its streams ended
        devices.markOffline(deviceId);
        log.info("device {} offline: {}", deviceId, reason);
        if (wasOnline) {
            listeners.forEach(l -> l.offline(deviceId, reason));
        }
    }
}
