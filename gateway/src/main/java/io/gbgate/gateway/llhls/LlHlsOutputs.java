package io.gbgate.gateway.llhls;

import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.gateway.stream.FetchedOutputs;
import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.media.llhls.LlHlsOutput;
import io.gbgate.media.llhls.LlHlsSettings;
import io.netty.buffer.PooledByteBufAllocator;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.stereotype.Component;

/**
 * The LL-HLS / fMP4 HLS outputs of the live streams, started lazily: the first request for a
 * stream adds an {@link LlHlsOutput} to its hub (which replays its cached GOP, so the first parts
 * are there at once). An output ends with its stream (the hub tells it) and still serves its last parts;
 * one nobody requested for {@code gbgate.play.viewer-idle-timeout} is taken off the hub and dropped.
 */
@Component
public class LlHlsOutputs {
    private final LlHlsSettings settings;
    private final Clock clock;
    private final Executor wakeups = ForkJoinPool.commonPool();
    private final FetchedOutputs<Attached> outputs;

    private record Attached(LiveStream stream, LlHlsOutput output) implements FetchedOutputs.Output {
        @Override
        public void close() {
            stream.hub().removeSink(output);
            output.close();
        }
    }

    public LlHlsOutputs(GbgateProperties props, Clock clock, ScheduledExecutorService gatewayScheduler) {
        this.settings = new LlHlsSettings(props.hls().partTarget(), props.hls().segmentDuration(),
                Math.max(2, props.hls().windowSegments()));
        this.clock = clock;
        this.outputs = new FetchedOutputs<>("LL-HLS", props.play().viewerIdleTimeout(), gatewayScheduler,
                Duration.ofSeconds(1));
    }

    /**
     * The stream's output, started now if it has none; empty when the stream ended before any
     * LL-HLS request (its parts are gone with it).
     */
    public Optional<LlHlsOutput> forStream(LiveStream stream) {
        Optional<LlHlsOutput> running = outputs.existing(stream.streamId()).map(Attached::output);
        if (running.isEmpty() && stream.isEnded()) {
            return Optional.empty();
        }
        return Optional.of(outputs.fetch(stream.streamId(), () -> start(stream)).output());
    }

    /** The running output of a stream, if it has one (no side effects). */
    public Optional<LlHlsOutput> existing(String streamId) {
        return outputs.existing(streamId).map(Attached::output);
    }

    /** Streams with an LL-HLS output now. */
    public int active() {
        return outputs.size();
    }

    @PreDestroy
    void stop() {
        outputs.close();
    }

    private Attached start(LiveStream stream) {
        LlHlsOutput output = new LlHlsOutput(settings, PooledByteBufAllocator.DEFAULT, clock, wakeups);
        stream.hub().addSink(output); // a hub that closed meanwhile ends the output at once
        return new Attached(stream, output);
    }
}
