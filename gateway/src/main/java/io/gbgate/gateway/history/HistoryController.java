package io.gbgate.gateway.history;

import io.gbgate.gateway.api.NotFoundException;
import io.gbgate.gateway.api.PlayAudit;
import io.gbgate.gateway.api.PlayResponse;
import io.gbgate.gateway.api.ViewingAudit;
import io.gbgate.gateway.control.DeviceTargets;
import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.gateway.stream.HistorySession;
import io.gbgate.gateway.stream.MediaTransport;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.sip.platform.SipPlatform;
import io.gbgate.storage.AuditEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recordings kept on the device: search, playback (a stream of its own, played like a live one) and download
 * (saved as a clip). Times are ISO-8601 local times as devices use them, e.g. {@code 2026-11-23T08:00:00}.
 */
@RestController
@Tag(name = "history")
public class HistoryController {

    /** Body of a playback request. */
    record PlaybackRequest(LocalDateTime from, LocalDateTime to, String transport) {
    }

    /** Body of a download request; speed 1..32 (default 1). */
    record DownloadRequest(LocalDateTime from, LocalDateTime to, Integer speed, String transport) {
    }

    private final SipPlatform sip;
    private final DeviceTargets targets;
    private final StreamService streams;
    private final DownloadService downloads;
    private final MediaTokenSigner signer;
    private final HistoryProperties settings;
    private final ViewingAudit audit;
    private final PlayAudit plays;

    public HistoryController(SipPlatform sip, DeviceTargets targets, StreamService streams, DownloadService downloads,
                             MediaTokenSigner signer, HistoryProperties settings, ViewingAudit audit,
                             PlayAudit plays) {
        this.sip = sip;
        this.targets = targets;
        this.streams = streams;
        this.downloads = downloads;
        this.signer = signer;
        this.settings = settings;
        this.audit = audit;
        this.plays = plays;
    }

    @GetMapping("/api/channels/{channelId}/records")
    @Operation(summary = "Recordings the device keeps for the channel in [from, to] (RecordInfo), time-ordered")
    public CompletableFuture<RecordListView> records(
            @PathVariable String channelId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to) {
        requireRange(from, to);
        DeviceTargets.Target target = targets.channel(channelId);
        return sip.commands().queryRecords(target.deviceId(), target.targetId(), from, to)
                .thenApply(RecordListView::of);
    }

    @PostMapping("/api/channels/{channelId}/playback")
    @Operation(summary = "Play back {from, to, transport?} from the device; answers like a live play once the"
            + " first keyframe arrived. Control it under /api/streams/{streamId}")
    public CompletableFuture<PlayResponse> playback(@PathVariable String channelId,
                                                    @RequestBody PlaybackRequest request,
                                                    HttpServletRequest http) {
        if (request == null) {
            throw new IllegalArgumentException("a body {from, to, transport?} is required");
        }
        requireRange(request.from(), request.to());
        targets.channel(channelId);
        HistorySession session = HistorySession.playback(instant(request.from()), instant(request.to()));
        ViewingAudit.Caller caller = ViewingAudit.Caller.of(http);
        String range = request.from() + " .. " + request.to();
        return streams.history(channelId, session, transport(request.transport()), null)
                .whenComplete((ticket, error) -> plays.started(caller, PlayAudit.Kind.PLAYBACK, channelId, range,
                        ticket, error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error))
                .thenApply(ticket -> PlayResponse.of(ticket.stream(), ticket.viewerId(), signer));
    }

    @PostMapping("/api/channels/{channelId}/download")
    @Operation(summary = "Download {from, to, speed?, transport?} from the device; saved as a clip when the device"
            + " reports the end of the recording. Follow it with GET /api/downloads/{downloadId}")
    public CompletableFuture<DownloadView> download(@PathVariable String channelId,
                                                    @RequestBody DownloadRequest request,
                                                    HttpServletRequest http) throws IOException {
        if (request == null) {
            throw new IllegalArgumentException("a body {from, to, speed?, transport?} is required");
        }
        requireRange(request.from(), request.to());
        targets.channel(channelId);
        int speed = request.speed() == null ? 1 : request.speed();
        audit.record(http, AuditEntry.DOWNLOAD_START, channelId,
                request.from() + " .. " + request.to() + " at " + speed + "x");
        return downloads.start(channelId, instant(request.from()), instant(request.to()), speed,
                transport(request.transport()), ViewingAudit.principal(http));
    }

    @GetMapping("/api/channels/{channelId}/downloads")
    @Operation(summary = "The channel's downloads from its device, newest first (at most limit, default 50)")
    public List<DownloadView> downloads(@PathVariable String channelId,
                                        @RequestParam(defaultValue = "50") int limit) {
        targets.channel(channelId);
        return downloads.ofChannel(channelId, limit);
    }

    @GetMapping("/api/downloads/{downloadId}")
    @Operation(summary = "A download: receiving, saving, done (with its clipId) or failed")
    public DownloadView download(@PathVariable String downloadId) {
        return downloads.find(downloadId).orElseThrow(() -> new NotFoundException("unknown download " + downloadId));
    }

    private Instant instant(LocalDateTime deviceTime) {
        return deviceTime.atZone(settings.zone()).toInstant();
    }

    private static MediaTransport transport(String transport) {
        return transport == null ? null : MediaTransport.parse(transport);
    }

    private static void requireRange(LocalDateTime from, LocalDateTime to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("'from' and 'to' are required (device local time, e.g."
                    + " 2026-11-23T08:00:00)");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("'to' must be after 'from': " + from + " .. " + to);
        }
    }
}
