package io.gbgate.gateway.api;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.gateway.transcode.TranscodeService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Running streams, and the diagnosis of recent ones that failed or ended. */
@RestController
@RequestMapping("/api/streams")
@Tag(name = "streams")
public class StreamController {
    private final StreamService streams;
    private final Clock clock;
    private final TranscodeService transcodes;

    public StreamController(StreamService streams, Clock clock, TranscodeService transcodes) {
        this.streams = streams;
        this.clock = clock;
        this.transcodes = transcodes;
    }

    @GetMapping
    @Operation(summary = "Running streams")
    public List<StreamView> list() {
        return streams.streams().stream()
                .map(this::view)
                .sorted(Comparator.comparing(StreamView::createdAt))
                .toList();
    }

    private StreamView view(LiveStream stream) {
        return StreamView.of(stream, clock.instant(), transcodes.state(stream.streamId()).orElse(null));
    }

    @GetMapping("/{streamId}")
    @Operation(summary = "One stream, running or recently ended, with the stage it reached and its timings")
    public StreamView get(@PathVariable String streamId) {
        return streams.runningOrEnded(streamId)
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("unknown stream " + streamId));
    }
}
