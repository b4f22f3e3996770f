package io.gbgate.gateway.api;

import io.gbgate.storage.ChannelRecord;
import io.gbgate.storage.ChannelRepository;
import io.gbgate.storage.DeviceRecord;
import io.gbgate.storage.DeviceRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registered devices and the channels their catalogs reported. */
@RestController
@RequestMapping("/api/devices")
@Tag(name = "devices")
public class DeviceController {
    private final DeviceRepository devices;
    private final ChannelRepository channels;

    public DeviceController(DeviceRepository devices, ChannelRepository channels) {
        this.devices = devices;
        this.channels = channels;
    }

    @GetMapping
    @Operation(summary = "Every device that ever registered, with its online state")
    public List<DeviceRecord> list() {
        return devices.findAll();
    }

    @GetMapping("/{deviceId}")
    @Operation(summary = "One device")
    public DeviceRecord get(@PathVariable String deviceId) {
        return devices.findById(deviceId).orElseThrow(() -> unknownDevice(deviceId));
    }

    @GetMapping("/{deviceId}/channels")
    @Operation(summary = "The channels of one device, as its catalog reported them")
    public List<ChannelRecord> channels(@PathVariable String deviceId) {
        if (devices.findById(deviceId).isEmpty()) {
            throw unknownDevice(deviceId);
        }
        return channels.findByDevice(deviceId);
    }

    private static NotFoundException unknownDevice(String deviceId) {
        return new NotFoundException("unknown device " + deviceId + ": it never registered to this gateway");
    }
}
