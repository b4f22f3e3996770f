package io.gbgate.gateway.event;

import io.gbgate.gateway.api.NotFoundException;
import io.gbgate.storage.event.ChannelPosition;
import io.gbgate.storage.event.ChannelPositions;
import io.gbgate.storage.event.GovernanceEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Governance events and their evidence; cameras near a location. */
@RestController
@Tag(name = "events")
public class EventController {
    private final EventService events;
    private final ChannelPositions positions;

    public EventController(EventService events, ChannelPositions positions) {
        this.events = events;
        this.positions = positions;
    }

    /** An event as the platform reports it; times are ISO-8601 with offset. Channels are added, never removed. */
    public record EventRequest(String type, String time, Double longitude, Double latitude, String gridCode,
                               String status, List<String> channels) {
    }

    /** A clip range: {@code from}/{@code to}, or {@code around} with {@code preSeconds}/{@code postSeconds}. */
    public record RangeRequest(String from, String to, String around, Long preSeconds, Long postSeconds) {
        ClipRange range() {
            if (around != null) {
                if (from != null || to != null) {
                    throw new IllegalArgumentException("give either from/to or around, not both");
                }
                return ClipRange.around(Times.parse(around, "around"), seconds(preSeconds, "preSeconds"),
                        seconds(postSeconds, "postSeconds"));
            }
            return new ClipRange(Times.parse(from, "from"), Times.parse(to, "to"));
        }

        private static Duration seconds(Long value, String name) {
            if (value == null) {
                throw new IllegalArgumentException(name + " is missing");
            }
            return Duration.ofSeconds(value);
        }
    }

    /** A clip of one channel. */
    public record ClipRequest(String channelId, String from, String to, String around, Long preSeconds,
                              Long postSeconds) {
    }

    /** Clips of every camera near a point (the event's location when longitude/latitude are left out). */
    public record NearbyClipsRequest(Double longitude, Double latitude, Double radiusMeters, String from, String to,
                                     String around, Long preSeconds, Long postSeconds) {
    }

    /** A live snapshot of one channel. */
    public record SnapshotRequest(String channelId) {
    }

    @PutMapping("/api/events/{eventId}")
    @Operation(summary = "Create or update an event (idempotent): 201 when created, 200 when updated")
    public ResponseEntity<EventView> put(@PathVariable String eventId, @RequestBody EventRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("body is missing");
        }
        GovernanceEvent reported = GovernanceEvent.reported(eventId, request.type(),
                Times.parse(request.time(), "time"), request.longitude(), request.latitude(), request.gridCode(),
                request.status(), request.channels());
        EventService.Upserted result = events.upsert(reported);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.event());
    }

    @GetMapping("/api/events/{eventId}")
    @Operation(summary = "The event with all its evidence: pending, ready (with URL) or failed (with reason)")
    public EventView get(@PathVariable String eventId) {
        return events.view(eventId).orElseThrow(() -> new NotFoundException("unknown event " + eventId));
    }

    @PostMapping("/api/events/{eventId}/clips")
    @Operation(summary = "Link a clip; answers at once, the clip is exported once its range is recorded")
    public ResponseEntity<EvidenceView> clip(@PathVariable String eventId, @RequestBody ClipRequest request) {
        if (request == null || request.channelId() == null) {
            throw new IllegalArgumentException("body must have channelId and a range");
        }
        ClipRange range = new RangeRequest(request.from(), request.to(), request.around(), request.preSeconds(),
                request.postSeconds()).range();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(events.attachClip(eventId, request.channelId(), range));
    }

    @PostMapping("/api/events/{eventId}/nearby-clips")
    @Operation(summary = "Link a clip of every camera within radiusMeters of a point (default: the event's location)")
    public ResponseEntity<List<EvidenceView>> nearbyClips(@PathVariable String eventId,
                                                          @RequestBody NearbyClipsRequest request) {
        if (request == null || request.radiusMeters() == null) {
            throw new IllegalArgumentException("body must have radiusMeters and a range");
        }
        EventView event = get(eventId);
        Double lon = request.longitude() != null ? request.longitude() : event.longitude();
        Double lat = request.latitude() != null ? request.latitude() : event.latitude();
        if (lon == null || lat == null) {
            throw new IllegalArgumentException("give longitude and latitude: event " + eventId + " has no location");
        }
        ClipRange range = new RangeRequest(request.from(), request.to(), request.around(), request.preSeconds(),
                request.postSeconds()).range();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(events.attachNearbyClips(eventId, lon, lat, request.radiusMeters(), range));
    }

    @PostMapping("/api/events/{eventId}/snapshots")
    @Operation(summary = "Link a snapshot of a channel's live picture; answers at once")
    public ResponseEntity<EvidenceView> snapshot(@PathVariable String eventId, @RequestBody SnapshotRequest request) {
        if (request == null || request.channelId() == null) {
            throw new IllegalArgumentException("body must have channelId");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(events.attachSnapshot(eventId, request.channelId()));
    }

    @GetMapping("/api/channels/nearby")
    @Operation(summary = "Channels whose catalog position lies within radiusMeters of lon/lat, nearest first")
    public List<ChannelPosition> nearby(@RequestParam double lon, @RequestParam double lat,
                                        @RequestParam double radiusMeters) {
        return positions.nearby(lon, lat, radiusMeters);
    }
}
