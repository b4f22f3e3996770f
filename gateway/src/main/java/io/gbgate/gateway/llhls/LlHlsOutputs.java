package io.gbgate.gateway.llhls;

import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.media.llhls.LlHlsOutput;
import io.gbgate.media.llhls.LlHlsSettings;
import io.netty.buffer.PooledByteBufAllocator;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The LL-HLS / fMP4 HLS outputs of the live streams, started lazily: the first request for a
 * stream adds an {@link LlHlsOutput} to its hub (which replays its cached GOP, so the first parts
 * are there at once). An output ends with its stream (the hub tells it), and one nobody requested
 * for {@code gbgate.play.viewer-idle-timeout} is taken off the hub and dropped.
 */
@Component
public class LlHlsOutputs {
    private static final Logger log = LoggerFactory.getLogger(LlHlsOutputs.class);
    private static final long SWEEP_SECONDS = 5;

    private final LlHlsSettings settings;
    private final Clock clock;
    private final long idleNanos;
    private final Executor wakeups = ForkJoinPool.commonPool();
    private final Map<String, Attached> outputs = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> sweep;

    private static final class Attached {
        final LiveStream stream;
        final LlHlsOutput output;
        volatile long lastUsedNanos = System.nanoTime();

        Attached(LiveStream stream, LlHlsOutput output) {
            this.stream = stream;
            this.output = output;
        }
    }

    public LlHlsOutputs(GbgateProperties props, Clock clock, ScheduledExecutorService gatewayScheduler) {
        this.settings = new LlHlsSettings(props.hls().partTarget(), props.hls().segmentDuration(),
                Math.max(2, props.hls().windowSegments()));
        this.clock = clock;
        this.idleNanos = props.play().viewerIdleTimeout().toNanos();
        this.sweep = gatewayScheduler.scheduleWithFixedDelay(this::dropIdle, SWEEP_SECONDS, SWEEP_SECONDS,
                TimeUnit.SECONDS);
    }

    /**
     * The stream's output, started now if it has none; empty when the stream ended before any
     * LL-HLS request (its parts are gone with it).
     */
    public Optional<LlHlsOutput> forStream(LiveStream stream) {
        Attached attached = outputs.get(stream.streamId());
        if (attached == null) {
            if (stream.isEnded()) {
                return Optional.empty();
            }
            attached = outputs.computeIfAbsent(stream.streamId(), id -> start(stream));
        }
        attached.lastUsedNanos = System.nanoTime();
        return Optional.of(attached.output);
    }

    /** The running output of a stream, if it has one (no side effects). */
    public Optional<LlHlsOutput> existing(String streamId) {
        return Optional.ofNullable(outputs.get(streamId)).map(a -> a.output);
    }

    /** Streams with an LL-HLS output now. */
    public int active() {
        return outputs.size();
    }

    @PreDestroy
    void stop() {
        sweep.cancel(false);
        outputs.keySet().forEach(this::drop);
    }

    private Attached start(LiveStream stream) {
        LlHlsOutput output = new LlHlsOutput(settings, PooledByteBufAllocator.DEFAULT, clock, wakeups);
        stream.hub().addSink(output); // a hub that closed meanwhile ends the output at once
        log.debug("stream {}: LL-HLS output started", stream.streamId());
        return new Attached(stream, output);
    }

    private void dropIdle() {
        long now = System.nanoTime();
        outputs.forEach((id, attached) -> {
            if (now - attached.lastUsedNanos > idleNanos) {
                drop(id);
            }
        });
    }

    private void drop(String streamId) {
        Attached attached = outputs.remove(streamId);
        if (attached != null) {
            attached.stream.hub().removeSink(attached.output);
            attached.output.close();
            log.debug("stream {}: LL-HLS output dropped", streamId);
        }
    }
}
