package io.gbgate.gateway.control;

import io.gbgate.sip.manscdp.BasicParam;
import io.gbgate.sip.manscdp.DeviceControlCommand;
import io.gbgate.sip.manscdp.DeviceInfoResponse;
import io.gbgate.sip.manscdp.DeviceStatusResponse;
import io.gbgate.sip.platform.SipPlatform;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Queries and controls of a whole device: status, information, basic configuration, reboot. */
@RestController
@RequestMapping("/api/devices/{deviceId}")
@Tag(name = "control")
public class DeviceControlController {
    private final SipPlatform sip;
    private final DeviceTargets targets;
    private final ControlAudit audit;

    public DeviceControlController(SipPlatform sip, DeviceTargets targets, ControlAudit audit) {
        this.sip = sip;
        this.targets = targets;
        this.audit = audit;
    }

    @GetMapping("/status")
    @Operation(summary = "Ask the device for its running status (DeviceStatus)")
    public CompletableFuture<DeviceStatusResponse> status(@PathVariable String deviceId) {
        DeviceTargets.Target target = targets.device(deviceId);
        return sip.commands().queryStatus(target.deviceId(), target.targetId());
    }

    @PostMapping("/info/refresh")
    @Operation(summary = "Ask the device for its identity again (DeviceInfo); the stored device is updated")
    public CompletableFuture<DeviceInfoResponse> refreshInfo(@PathVariable String deviceId) {
        return sip.commands().queryInfo(targets.device(deviceId).deviceId());
    }

    @GetMapping("/config/basic")
    @Operation(summary = "The device's basic parameters (ConfigDownload BasicParam)")
    public CompletableFuture<BasicParam> basicConfig(@PathVariable String deviceId) {
        return sip.commands().queryBasicParam(targets.device(deviceId).deviceId());
    }

    @PutMapping("/config/basic")
    @Operation(summary = "Change the given basic parameters (DeviceConfig BasicParam): name, expiration,"
            + " heartBeatInterval, heartBeatCount; answers with the parameters the device then reports")
    public CompletableFuture<BasicParam> configure(@PathVariable String deviceId, @RequestBody BasicParam changes) {
        if (changes == null) {
            throw new IllegalArgumentException("a body with the parameters to change is required");
        }
        String id = targets.device(deviceId).deviceId();
        return audit.recorded(id, "DeviceConfig BasicParam " + changes, sip.commands().configure(id, changes))
                .thenCompose(done -> sip.commands().queryBasicParam(id));
    }

    @PostMapping("/reboot")
    @Operation(summary = "Restart the device (TeleBoot)")
    public CompletableFuture<ControlResult> reboot(@PathVariable String deviceId) {
        DeviceTargets.Target target = targets.device(deviceId);
        return audit.recorded(target.targetId(), "TeleBoot Boot", sip.commands().control(target.deviceId(),
                target.targetId(), new DeviceControlCommand.TeleBoot())
                .thenApply(answer -> ControlResult.of(target, "TeleBoot Boot", answer)));
    }
}
