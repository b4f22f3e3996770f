package io.gbgate.gateway.control;

import io.gbgate.sip.manscdp.DeviceControlCommand;
import io.gbgate.sip.manscdp.PresetItem;
import io.gbgate.sip.platform.SipPlatform;
import io.gbgate.sip.ptz.PtzCmd;
import io.gbgate.sip.ptz.PtzInstruction;
import io.gbgate.sip.ptz.PtzPreset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Controls of one channel (PTZ, lens, presets, cruise, scan, guard, alarm reset, device-side recording,
 * keyframe, home position). Each answers with the device's Result, or fails as {@link DeviceFailureHandler}
 * says (404 unknown channel, 409 device offline, 502 Result ERROR, 504 no answer).
 */
@RestController
@RequestMapping("/api/channels/{channelId}")
@Tag(name = "control")
public class ChannelControlController {

    /** Body of the alarm reset: which alarm (both optional). */
    record AlarmReset(String alarmMethod, String alarmType) {
    }

    /** Body of the home position setting. */
    record HomePosition(boolean enabled, Integer resetTime, Integer presetIndex) {
    }

    private final SipPlatform sip;
    private final DeviceTargets targets;
    private final ControlAudit audit;

    public ChannelControlController(SipPlatform sip, DeviceTargets targets, ControlAudit audit) {
        this.sip = sip;
        this.targets = targets;
        this.audit = audit;
    }

    @PostMapping("/ptz")
    @Operation(summary = "Pan / tilt / zoom: {command: left|right|up|down|upLeft|upRight|downLeft|downRight|zoomIn"
            + "|zoomOut|stop, speed: 0-255 (zoom scaled to 0-15)}")
    public CompletableFuture<ControlResult> ptz(@PathVariable String channelId,
                                                @RequestBody PtzRequests.Move request) {
        return ptz(channelId, PtzRequests.move(request));
    }

    @PostMapping("/focus")
    @Operation(summary = "Focus: {direction: near|far|stop, speed: 0-255}")
    public CompletableFuture<ControlResult> focus(@PathVariable String channelId,
                                                  @RequestBody PtzRequests.Lens request) {
        return ptz(channelId, PtzRequests.focus(request));
    }

    @PostMapping("/iris")
    @Operation(summary = "Iris: {direction: open|close|stop, speed: 0-255}")
    public CompletableFuture<ControlResult> iris(@PathVariable String channelId,
                                                 @RequestBody PtzRequests.Lens request) {
        return ptz(channelId, PtzRequests.iris(request));
    }

    @GetMapping("/presets")
    @Operation(summary = "The presets the device reports for the channel (PresetQuery)")
    public CompletableFuture<List<PresetItem>> presets(@PathVariable String channelId) {
        DeviceTargets.Target target = targets.channel(channelId);
        return sip.commands().queryPresets(target.deviceId(), target.targetId());
    }

    @PutMapping("/presets/{index}")
    @Operation(summary = "Store the current position as preset 1-255")
    public CompletableFuture<ControlResult> setPreset(@PathVariable String channelId, @PathVariable int index) {
        return ptz(channelId, PtzPreset.set(index));
    }

    @PostMapping("/presets/{index}/call")
    @Operation(summary = "Move to preset 1-255")
    public CompletableFuture<ControlResult> callPreset(@PathVariable String channelId, @PathVariable int index) {
        return ptz(channelId, PtzPreset.call(index));
    }

    @DeleteMapping("/presets/{index}")
    @Operation(summary = "Delete preset 1-255")
    public CompletableFuture<ControlResult> deletePreset(@PathVariable String channelId, @PathVariable int index) {
        return ptz(channelId, PtzPreset.delete(index));
    }

    @PostMapping("/cruise")
    @Operation(summary = "Cruise: {action: addPoint|deletePoint|speed|dwell|start, number: 0-255, value}")
    public CompletableFuture<ControlResult> cruise(@PathVariable String channelId,
                                                   @RequestBody PtzRequests.Tour request) {
        return ptz(channelId, PtzRequests.cruise(request));
    }

    @PostMapping("/scan")
    @Operation(summary = "Scan: {action: start|leftBoundary|rightBoundary|speed, number: 0-255, value}")
    public CompletableFuture<ControlResult> scan(@PathVariable String channelId,
                                                 @RequestBody PtzRequests.Tour request) {
        return ptz(channelId, PtzRequests.scan(request));
    }

    @PostMapping("/guard")
    @Operation(summary = "Arm (GuardCmd SetGuard)")
    public CompletableFuture<ControlResult> guard(@PathVariable String channelId) {
        return control(channelId, "GuardCmd SetGuard", new DeviceControlCommand.Guard(true));
    }

    @DeleteMapping("/guard")
    @Operation(summary = "Disarm (GuardCmd ResetGuard)")
    public CompletableFuture<ControlResult> unguard(@PathVariable String channelId) {
        return control(channelId, "GuardCmd ResetGuard", new DeviceControlCommand.Guard(false));
    }

    @PostMapping("/alarm/reset")
    @Operation(summary = "Reset an alarm (AlarmCmd ResetAlarm), optionally naming alarmMethod and alarmType")
    public CompletableFuture<ControlResult> resetAlarm(@PathVariable String channelId,
                                                       @RequestBody(required = false) AlarmReset request) {
        AlarmReset which = request == null ? new AlarmReset(null, null) : request;
        return control(channelId, "AlarmCmd ResetAlarm",
                new DeviceControlCommand.ResetAlarm(which.alarmMethod(), which.alarmType()));
    }

    @PostMapping("/device-record/start")
    @Operation(summary = "Start recording on the device (RecordCmd Record)")
    public CompletableFuture<ControlResult> startDeviceRecording(@PathVariable String channelId) {
        return control(channelId, "RecordCmd Record", new DeviceControlCommand.Recording(true));
    }

    @PostMapping("/device-record/stop")
    @Operation(summary = "Stop recording on the device (RecordCmd StopRecord)")
    public CompletableFuture<ControlResult> stopDeviceRecording(@PathVariable String channelId) {
        return control(channelId, "RecordCmd StopRecord", new DeviceControlCommand.Recording(false));
    }

    @PostMapping("/keyframe")
    @Operation(summary = "Ask for a keyframe now (IFameCmd Send)")
    public CompletableFuture<ControlResult> keyframe(@PathVariable String channelId) {
        return control(channelId, "IFameCmd Send", new DeviceControlCommand.Keyframe());
    }

    @PutMapping("/home-position")
    @Operation(summary = "Home position: {enabled, resetTime (s), presetIndex 0-255}")
    public CompletableFuture<ControlResult> homePosition(@PathVariable String channelId,
                                                         @RequestBody HomePosition request) {
        if (request == null) {
            throw new IllegalArgumentException("a body {enabled, resetTime, presetIndex} is required");
        }
        return control(channelId, "HomePosition", new DeviceControlCommand.HomePosition(request.enabled(),
                request.resetTime(), request.presetIndex()));
    }

    private CompletableFuture<ControlResult> ptz(String channelId, PtzInstruction instruction) {
        return control(channelId, PtzRequests.describe(instruction),
                new DeviceControlCommand.Ptz(PtzCmd.of(instruction)));
    }

    private CompletableFuture<ControlResult> control(String channelId, String what, DeviceControlCommand command) {
        DeviceTargets.Target target = targets.channel(channelId);
        return audit.recorded(target.targetId(), what, sip.commands().control(target.deviceId(), target.targetId(),
                command).thenApply(answer -> ControlResult.of(target, what, answer)));
    }
}
