package io.gbgate.gateway.device;

import io.gbgate.gateway.api.NotFoundException;
import io.gbgate.gateway.control.ControlResult;
import io.gbgate.gateway.control.DeviceTargets;
import io.gbgate.sip.manscdp.DeviceControlCommand;
import io.gbgate.sip.platform.SipPlatform;
import io.gbgate.storage.event.AlarmRepository;
import io.gbgate.storage.event.DeviceAlarm;
import io.gbgate.storage.event.MobilePosition;
import io.gbgate.storage.event.PositionRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alarms and positions devices notified. Ranges are on the time the gateway received them (ISO-8601 instants,
 * e.g. {@code 2026-11-23T08:00:00Z}); without them the last 24 hours.
 */
@RestController
@Tag(name = "events")
public class DeviceEventsController {
    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    /** An alarm together with the device's answer to its reset. */
    public record AlarmReset(DeviceAlarm alarm, ControlResult device) {
    }

    private final AlarmRepository alarms;
    private final PositionRepository positions;
    private final DeviceTargets targets;
    private final SipPlatform sip;
    private final Clock clock;

    public DeviceEventsController(AlarmRepository alarms, PositionRepository positions, DeviceTargets targets,
                                  SipPlatform sip, Clock clock) {
        this.alarms = alarms;
        this.positions = positions;
        this.targets = targets;
        this.sip = sip;
        this.clock = clock;
    }

    @GetMapping("/api/alarms")
    @Operation(summary = "Alarms received in [from, to) (default: the last 24 h), of one device if given")
    public List<DeviceAlarm> alarms(@RequestParam(required = false) String deviceId,
                                    @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to,
                                    @RequestParam(defaultValue = "1000") int limit) {
        Instant end = to != null ? to : clock.instant().plusSeconds(1);
        return alarms.find(deviceId, from != null ? from : end.minus(DEFAULT_WINDOW), end, limit);
    }

    @PostMapping("/api/alarms/{alarmId}/reset")
    @Operation(summary = "Reset the alarm on its device (AlarmCmd ResetAlarm with its method and type)")
    public CompletableFuture<AlarmReset> reset(@PathVariable long alarmId) {
        DeviceAlarm alarm = alarms.find(alarmId).orElseThrow(() -> new NotFoundException("unknown alarm " + alarmId));
        DeviceTargets.Target device = targets.device(alarm.deviceId());
        DeviceTargets.Target target = new DeviceTargets.Target(device.deviceId(), alarm.sourceId());
        return sip.commands().control(target.deviceId(), target.targetId(),
                        new DeviceControlCommand.ResetAlarm(alarm.method(), alarm.alarmType()))
                .thenApply(answer -> {
                    alarms.markReset(alarmId, clock.instant());
                    return new AlarmReset(alarms.find(alarmId).orElse(alarm), new ControlResult(answer.deviceId(),
                            target.targetId(), "AlarmCmd ResetAlarm", answer.result()));
                });
    }

    @GetMapping("/api/channels/{channelId}/positions")
    @Operation(summary = "Positions of the channel received in [from, to) (default: the last 24 h), in the order they were taken")
    public List<MobilePosition> positions(@PathVariable String channelId,
                                          @RequestParam(required = false) Instant from,
                                          @RequestParam(required = false) Instant to,
                                          @RequestParam(defaultValue = "1000") int limit) {
        Instant end = to != null ? to : clock.instant().plusSeconds(1);
        return positions.find(channelId, from != null ? from : end.minus(DEFAULT_WINDOW), end, limit);
    }
}
