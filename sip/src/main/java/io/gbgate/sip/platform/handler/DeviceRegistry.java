package io.gbgate.sip.platform.handler;

import io.gbgate.sip.platform.RegisteredDevice;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Thread-safe table of registered devices of the platform (internal to the platform role). */
public final class DeviceRegistry {

    private final Map<String, RegisteredDevice> devices = new ConcurrentHashMap<>();

    /** The device, if registered. */
    public Optional<RegisteredDevice> get(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    /** Snapshot of all registered devices. */
    public Collection<RegisteredDevice> all() {
        return List.copyOf(devices.values());
    }

    /**
     * Stores a (re-)registration.
     *
     * @return the previous entry, if any
     */
    public Optional<RegisteredDevice> put(RegisteredDevice device) {
        return Optional.ofNullable(devices.put(device.deviceId(), device));
    }

    /** Removes the device; returns what was stored. */
    public Optional<RegisteredDevice> remove(String deviceId) {
        return Optional.ofNullable(devices.remove(deviceId));
    }

    /** Atomically replaces a registered device; no-op for unknown IDs. */
    public Optional<RegisteredDevice> update(String deviceId, UnaryOperator<RegisteredDevice> change) {
        return Optional.ofNullable(devices.computeIfPresent(deviceId, (id, device) -> change.apply(device)));
    }

    /**
     * Marks an online device offline.
     *
     * @return true when this call changed the state (so exactly one caller reports it)
     */
    public boolean markOffline(RegisteredDevice seen) {
        return devices.replace(seen.deviceId(), seen, seen.offline());
    }

    /**
     * Removes the device if it is still exactly {@code seen} (not re-registered meanwhile).
     *
     * @return true when removed
     */
    public boolean removeIfUnchanged(RegisteredDevice seen) {
        return devices.remove(seen.deviceId(), seen);
    }
}
