package io.gbgate.gateway.api;

import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.gateway.stream.MediaTransport;
import io.gbgate.gateway.stream.StreamService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Live play of a channel. Who watched which channel from when to when goes to the audit log ({@link PlayAudit}). */
@RestController
@RequestMapping("/api/channels")
@Tag(name = "channels")
public class ChannelController {
    private final StreamService streams;
    private final MediaTokenSigner signer;
    private final PlayAudit audit;
    private final ApiExceptionHandler errors;

    public ChannelController(StreamService streams, MediaTokenSigner signer, PlayAudit audit,
                             ApiExceptionHandler errors) {
        this.streams = streams;
        this.signer = signer;
        this.audit = audit;
        this.errors = errors;
    }

    @PostMapping("/{channelId}/play")
    @Operation(summary = "Play a channel live; answers once the first keyframe arrived, or names the stage that failed")
    public CompletableFuture<ResponseEntity<?>> play(
            @PathVariable String channelId,
            @Parameter(description = "udp, tcp-passive or tcp-active; default: the device's configured transport")
            @RequestParam(required = false) String transport,
            HttpServletRequest request) {
        MediaTransport requested = transport == null ? null : MediaTransport.parse(transport);
        ViewingAudit.Caller caller = ViewingAudit.Caller.of(request);
        CompletableFuture<StreamService.PlayTicket> ticket = streams.play(channelId, requested);
        return ticket.handle((joined, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            audit.started(caller, PlayAudit.Kind.LIVE, channelId, transport == null ? null : "over " + transport,
                    joined, cause);
            return cause != null ? errors.toResponse(cause) : ResponseEntity.ok(response(joined));
        });
    }

    @DeleteMapping("/{channelId}/play")
    @Operation(summary = "Leave (with viewerId: the stream stays for the grace period after the last viewer)"
            + " or stop the stream for everyone at once (without viewerId: BYE now)")
    public ResponseEntity<Void> stop(@PathVariable String channelId, @RequestParam(required = false) String viewerId,
                                     HttpServletRequest request) {
        boolean done = viewerId == null
                ? streams.stop(channelId, "stopped by API request")
                : streams.leave(channelId, viewerId);
        if (!done) {
            throw new NotFoundException(viewerId == null
                    ? "channel " + channelId + " has no running stream"
                    : "channel " + channelId + " has no running stream with viewer " + viewerId);
        }
        audit.stopped(ViewingAudit.Caller.of(request), channelId, viewerId);
        return ResponseEntity.noContent().build();
    }

    private PlayResponse response(StreamService.PlayTicket ticket) {
        return PlayResponse.of(ticket.stream(), ticket.viewerId(), signer);
    }
}
