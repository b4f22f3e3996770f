package io.gbgate.gateway.api;

import io.gbgate.gateway.clip.ClipService;
import io.gbgate.gateway.clip.ClipView;
import io.gbgate.storage.AuditEntry;
import io.gbgate.storage.ChannelRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Clips: an MP4 of a recorded time range, made in the background and kept in the object store. */
@RestController
@Tag(name = "clips")
public class ClipController {
    private final ClipService clips;
    private final ChannelRepository channels;
    private final ViewingAudit audit;

    public ClipController(ClipService clips, ChannelRepository channels, ViewingAudit audit) {
        this.clips = clips;
        this.channels = channels;
        this.audit = audit;
    }

    /** Times as ISO-8601: with an offset ({@code 2026-11-23T10:00:00+08:00}, {@code ...Z}) or local time of the gateway. */
    public record ClipRequest(String channelId, String from, String to) {
    }

    @PostMapping("/api/clips")
    @Operation(summary = "Export a clip of a recorded range; answers at once with the clip ID, the job runs in the background")
    public ResponseEntity<ClipView> create(@RequestBody ClipRequest request, HttpServletRequest http) {
        if (request == null || request.channelId() == null || request.from() == null || request.to() == null) {
            throw new IllegalArgumentException("body must have channelId, from and to");
        }
        if (channels.findById(request.channelId()).isEmpty()) {
            throw new NotFoundException("unknown channel " + request.channelId());
        }
        Instant from = parse(request.from(), "from");
        Instant to = parse(request.to(), "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        ClipView clip = clips.submit(request.channelId(), from, to);
        audit.record(http, AuditEntry.CLIP_EXPORT, request.channelId(), from + " .. " + to + ", clip " + clip.clipId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(clip);
    }

    @GetMapping("/api/clips/{clipId}")
    @Operation(summary = "A clip's state: pending, running (progress), ready (size, duration, download URL) or failed (reason)")
    public ClipView get(@PathVariable String clipId) {
        return clips.view(clipId).orElseThrow(() -> new NotFoundException("unknown clip " + clipId));
    }

    static Instant parse(String value, String name) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " is not an ISO-8601 time: " + value);
            }
        }
    }
}
