package io.gbgate.gateway.control;

import io.gbgate.gateway.api.NotFoundException;
import io.gbgate.storage.ChannelRecord;
import io.gbgate.storage.DeviceRecord;
import io.gbgate.storage.DeviceRepository;
import io.gbgate.storage.ChannelRepository;

/**
 * Resolves what an API call names (a channel or a device) to the registered device a command goes to, with the
 * errors an operator needs: unknown IDs are {@link NotFoundException}s, offline devices
 * {@link DeviceUnavailableException}s.
 */
public final class DeviceTargets {

    /** A command's destination: the registered device and the ID the command names (device or channel). */
    public record Target(String deviceId, String targetId) {
    }

    private final DeviceRepository devices;
    private final ChannelRepository channels;

    public DeviceTargets(DeviceRepository devices, ChannelRepository channels) {
        this.devices = devices;
        this.channels = channels;
    }

    /** The channel and its device, which must be online. */
    public Target channel(String channelId) {
        ChannelRecord channel = channels.findById(channelId).orElseThrow(() -> new NotFoundException(
                "unknown channel " + channelId + ": no registered device reported it in its catalog"));
        requireOnline(channel.deviceId());
        return new Target(channel.deviceId(), channelId);
    }

    /** The device, which must be online. */
    public Target device(String deviceId) {
        requireOnline(deviceId);
        return new Target(deviceId, deviceId);
    }

    /** The device as stored, known or not. */
    public DeviceRecord known(String deviceId) {
        return devices.findById(deviceId).orElseThrow(() -> new NotFoundException(
                "unknown device " + deviceId + ": it never registered to this gateway"));
    }

    private void requireOnline(String deviceId) {
        DeviceRecord device = known(deviceId);
        if (!device.online()) {
            throw new DeviceUnavailableException("device " + deviceId + " is offline (last keepalive "
                    + (device.lastKeepaliveAt() == null ? "never" : device.lastKeepaliveAt().toString())
                    + "): it cannot be asked until it registers again");
        }
    }
}
