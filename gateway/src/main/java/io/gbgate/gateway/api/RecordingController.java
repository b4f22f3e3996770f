package io.gbgate.gateway.api;

import io.gbgate.gateway.recording.EventRecorder;
import io.gbgate.gateway.recording.EventRecordingUnavailableException;
import io.gbgate.gateway.recording.RecordingService;
import io.gbgate.gateway.recording.RecordingStatus;
import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.gateway.vod.VodController;
import io.gbgate.storage.ChannelRepository;
import io.gbgate.storage.recording.RecordedRange;
import io.gbgate.storage.recording.RecordingIndex;
import io.gbgate.storage.recording.RecordingMode;
import io.gbgate.storage.recording.RecordingPlan;
import io.gbgate.storage.recording.RecordingPlanRepository;
import io.gbgate.storage.recording.ScheduleWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recording plans per channel, what was recorded, and recorded playback as HLS VOD. */
@RestController
@Tag(name = "recording")
public class RecordingController {
    private final RecordingService recording;
    private final RecordingPlanRepository plans;
    private final RecordingIndex index;
    private final ChannelRepository channels;
    private final MediaTokenSigner signer;

    public RecordingController(RecordingService recording, RecordingPlanRepository plans, RecordingIndex index,
                               ChannelRepository channels, MediaTokenSigner signer) {
        this.recording = recording;
        this.plans = plans;
        this.index = index;
        this.channels = channels;
        this.signer = signer;
    }

    /** A weekly window: day (MONDAY..SUNDAY), from and to as HH:mm (to may be 24:00). */
    public record WindowBody(String day, String from, String to) {
    }

    /** {@code mode}: off, always, schedule or event; schedule windows for mode schedule. */
    public record PlanBody(String mode, List<WindowBody> schedule, Integer preRollSeconds, Integer postRollSeconds) {
    }

    @PutMapping("/api/channels/{channelId}/recording-plan")
    @Operation(summary = "Set a channel's recording plan: off, always, weekly schedule, or event (pre/post roll)")
    public RecordingPlan putPlan(@PathVariable String channelId, @RequestBody PlanBody body) {
        requireChannel(channelId);
        if (body == null || body.mode() == null) {
            throw new IllegalArgumentException("body must name a mode: off, always, schedule or event");
        }
        List<ScheduleWindow> windows = body.schedule() == null ? List.of() : body.schedule().stream()
                .map(w -> ScheduleWindow.of(day(w.day()), w.from(), w.to())).toList();
        RecordingPlan plan = RecordingPlan.of(channelId, RecordingMode.fromCode(body.mode()), windows,
                body.preRollSeconds() == null ? 0 : body.preRollSeconds(),
                body.postRollSeconds() == null ? 0 : body.postRollSeconds());
        return recording.savePlan(plan);
    }

    @GetMapping("/api/channels/{channelId}/recording-plan")
    @Operation(summary = "A channel's recording plan")
    public RecordingPlan getPlan(@PathVariable String channelId) {
        return plans.find(channelId)
                .orElseThrow(() -> new NotFoundException("channel " + channelId + " has no recording plan"));
    }

    @DeleteMapping("/api/channels/{channelId}/recording-plan")
    @Operation(summary = "Remove a channel's recording plan (recording stops)")
    public ResponseEntity<Void> deletePlan(@PathVariable String channelId) {
        if (!plans.delete(channelId)) {
            throw new NotFoundException("channel " + channelId + " has no recording plan");
        }
        recording.reconcile();
        return ResponseEntity.noContent().build();
    }

    /** What exists for a range: continuous recorded ranges and an HLS VOD URL that plays them. */
    public record Recordings(String channelId, Instant from, Instant to, List<RecordedRange> ranges, String hls) {
    }

    @GetMapping("/api/channels/{channelId}/recordings")
    @Operation(summary = "Recorded ranges of a channel between from and to (ISO-8601), with an HLS VOD URL")
    public Recordings recordings(@PathVariable String channelId, @RequestParam Instant from,
                                 @RequestParam Instant to) {
        requireChannel(channelId);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        List<RecordedRange> ranges = index.listRanges(channelId, from, to);
        String hls = ranges.isEmpty() ? null : VodController.playlistPath(channelId, from, to,
                signer.sign(VodController.tokenScope(channelId), "vod"));
        return new Recordings(channelId, from, to, ranges, hls);
    }

    /** An event to record around: {@code reason} (required), {@code at} as ISO-8601 (optional, default now). */
    public record EventBody(String reason, String at) {
    }

    @PostMapping("/api/channels/{channelId}/recording-events")
    @Operation(summary = "Record around an event on an event-mode channel: pre-roll before it, post-roll after it "
            + "(a new event extends a running recording)")
    public ResponseEntity<EventRecorder.EventTrigger> recordEvent(@PathVariable String channelId,
                                                                  @RequestBody EventBody body) {
        requireChannel(channelId);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new IllegalArgumentException("body must give the event's reason");
        }
        Instant at = body.at() == null ? null : ClipController.parse(body.at(), "at");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(recording.recordEvent(channelId, body.reason(), at));
    }

    @ExceptionHandler(EventRecordingUnavailableException.class)
    ResponseEntity<ApiError> eventUnavailable(EventRecordingUnavailableException e) {
        HttpStatus status = HttpStatus.CONFLICT;
        return ResponseEntity.status(status).body(ApiError.of(status.value(), status.getReasonPhrase(), e.getMessage()));
    }

    @GetMapping("/api/recording")
    @Operation(summary = "Recording status: disk alarm, free space, writer counters, each channel's recorder")
    public RecordingStatus status() {
        return recording.status();
    }

    private void requireChannel(String channelId) {
        if (channels.findById(channelId).isEmpty()) {
            throw new NotFoundException("unknown channel " + channelId);
        }
    }

    private static DayOfWeek day(String value) {
        try {
            return DayOfWeek.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("day must be MONDAY..SUNDAY: " + value);
        }
    }
}
