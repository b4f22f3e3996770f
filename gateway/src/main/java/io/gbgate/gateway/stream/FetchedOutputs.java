package io.gbgate.gateway.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-stream outputs that exist while players fetch from them (LL-HLS parts, the H.264 HLS of an H.265
 * stream): started on a stream's first fetch, kept alive by every fetch, closed by a sweep once nobody
 * fetched for the idle timeout or once {@linkplain Output#stale stale}, or at once by {@link #end}.
 *
 * @param <O> the output kind
 */
public final class FetchedOutputs<O extends FetchedOutputs.Output> implements AutoCloseable {

    /** An output of one stream. */
    public interface Output {
        /**
         * True once the output can give nothing more while its stream goes on (its transcoder stopped): the
         * sweep closes it and the next fetch starts a new one. An output that ended with its stream is not
         * stale: it still serves its last segments until players stop fetching.
         */
        default boolean stale() {
            return false;
        }

        /** Takes the output off its source and frees what it holds. Called once. */
        void close();
    }

    private static final Logger LOG = LoggerFactory.getLogger(FetchedOutputs.class);

    private final String kind;
    private final long idleNanos;
    private final Map<String, Fetched<O>> byStream = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> sweep;

    private static final class Fetched<O> {
        final O output;
        volatile long lastFetchNanos;

        Fetched(O output, long nowNanos) {
            this.output = output;
            this.lastFetchNanos = nowNanos;
        }
    }

    /**
     * @param kind  what the outputs are, for logs ("LL-HLS", "H.264 HLS")
     * @param idle  how long an output lives without a fetch
     * @param sweepEvery how often idle and ended outputs are looked for on {@code scheduler}
     */
    public FetchedOutputs(String kind, Duration idle, ScheduledExecutorService scheduler, Duration sweepEvery) {
        this.kind = kind;
        this.idleNanos = idle.toNanos();
        long every = sweepEvery.toMillis();
        this.sweep = scheduler.scheduleWithFixedDelay(() -> expireIdle(System.nanoTime()), every, every,
                TimeUnit.MILLISECONDS);
    }

    /**
     * The output of {@code streamId}, made by {@code start} when the stream has none or its output is stale;
     * counts as a fetch.
     */
    public O fetch(String streamId, Supplier<O> start) {
        long now = System.nanoTime();
        List<O> replaced = new ArrayList<>(0);
        Fetched<O> fetched = byStream.compute(streamId, (id, current) -> {
            if (current != null && !current.output.stale()) {
                current.lastFetchNanos = now;
                return current;
            }
            if (current != null) {
                replaced.add(current.output);
            }
            O started = start.get();
            LOG.debug("stream {}: {} output started", streamId, kind);
            return new Fetched<>(started, now);
        });
        replaced.forEach(Output::close);
        return fetched.output;
    }

    /** The output of {@code streamId}, if it has one; not a fetch. */
    public Optional<O> existing(String streamId) {
        return Optional.ofNullable(byStream.get(streamId)).map(f -> f.output);
    }

    /** Streams with an output now. */
    public int size() {
        return byStream.size();
    }

    /** The stream ended: its output is closed now. */
    public void end(String streamId) {
        Fetched<O> fetched = byStream.remove(streamId);
        if (fetched != null) {
            fetched.output.close();
            LOG.debug("stream {}: {} output ended with the stream", streamId, kind);
        }
    }

    /** Closes the outputs nobody fetched from for the idle timeout before {@code nowNanos}, and the stale ones. */
    public void expireIdle(long nowNanos) {
        byStream.forEach((streamId, fetched) -> {
            boolean idle = nowNanos - fetched.lastFetchNanos > idleNanos;
            if ((idle || fetched.output.stale()) && byStream.remove(streamId, fetched)) {
                fetched.output.close();
                LOG.info("stream {}: {} output closed: {}", streamId, kind, idle
                        ? "nobody fetched for " + TimeUnit.NANOSECONDS.toSeconds(idleNanos) + " s" : "stale");
            }
        });
    }

    /** Stops the sweep and closes every output. */
    @Override
    public void close() {
        sweep.cancel(false);
        byStream.keySet().forEach(this::end);
    }
}
