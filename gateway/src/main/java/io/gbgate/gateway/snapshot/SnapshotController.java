package io.gbgate.gateway.snapshot;

import io.gbgate.gateway.api.ApiError;
import io.gbgate.gateway.api.ApiExceptionHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The live picture of a channel as JPEG. */
@RestController
@Tag(name = "channels")
public class SnapshotController {
    private final SnapshotService snapshots;
    private final ApiExceptionHandler errors;

    public SnapshotController(SnapshotService snapshots, ApiExceptionHandler errors) {
        this.snapshots = snapshots;
        this.errors = errors;
    }

    @GetMapping(value = "/api/channels/{channelId}/snapshot")
    @Operation(summary = "JPEG of the channel's latest keyframe (starts the stream if needed; cached a few seconds)")
    public ResponseEntity<?> snapshot(@PathVariable String channelId) throws InterruptedException {
        try {
            SnapshotService.Snapshot snapshot = snapshots.capture(channelId).get();
            return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                    .cacheControl(CacheControl.noStore())
                    .header("X-Gbgate-Taken-At", snapshot.takenAt().toString())
                    .body(snapshot.jpeg());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof TimeoutException) {
                return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(ApiError.of(504, "Gateway Timeout",
                        "no keyframe from channel " + channelId + " in time"));
            }
            if (cause instanceof IllegalStateException ended) {
                return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(ApiError.of(502, "Bad Gateway",
                        ended.getMessage()));
            }
            return errors.toResponse(cause);
        }
    }
}
