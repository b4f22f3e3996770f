package io.gbgate.gateway.history;

import io.gbgate.gateway.api.NotFoundException;
import io.gbgate.gateway.stream.StreamService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Playback controls of a stream (MANSRTSP over SIP INFO), and stopping any one stream. */
@RestController
@RequestMapping("/api/streams/{streamId}")
@Tag(name = "streams")
public class PlaybackControlController {

    /** Body of a seek. */
    record Seek(Double seconds) {
    }

    /** Body of a speed change. */
    record Speed(Double scale) {
    }

    private final PlaybackControls controls;
    private final StreamService streams;

    public PlaybackControlController(PlaybackControls controls, StreamService streams) {
        this.controls = controls;
        this.streams = streams;
    }

    @PostMapping("/pause")
    @Operation(summary = "Pause a playback; a paused playback is never closed for silence or idle viewers")
    public CompletableFuture<PlaybackView> pause(@PathVariable String streamId) {
        return controls.pause(streamId);
    }

    @PostMapping("/resume")
    @Operation(summary = "Resume a paused playback")
    public CompletableFuture<PlaybackView> resume(@PathVariable String streamId) {
        return controls.resume(streamId);
    }

    @PostMapping("/seek")
    @Operation(summary = "Continue from {seconds} into the playback range")
    public CompletableFuture<PlaybackView> seek(@PathVariable String streamId, @RequestBody Seek request) {
        if (request == null || request.seconds() == null) {
            throw new IllegalArgumentException("a body {\"seconds\": n} is required");
        }
        return controls.seek(streamId, request.seconds());
    }

    @PostMapping("/speed")
    @Operation(summary = "Play at {scale} times real time (0.5, 1, 2, 4, ...); HLS follows the new speed")
    public CompletableFuture<PlaybackView> speed(@PathVariable String streamId, @RequestBody Speed request) {
        if (request == null || request.scale() == null) {
            throw new IllegalArgumentException("a body {\"scale\": n} is required");
        }
        return controls.speed(streamId, request.scale());
    }

    @DeleteMapping
    @Operation(summary = "Stop the stream for every viewer at once (BYE)")
    public ResponseEntity<Void> stop(@PathVariable String streamId) {
        if (!streams.stopStream(streamId, "stopped by API request")) {
            throw new NotFoundException("no running stream " + streamId);
        }
        return ResponseEntity.noContent().build();
    }
}
