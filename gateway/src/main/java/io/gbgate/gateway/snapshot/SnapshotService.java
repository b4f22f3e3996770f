package io.gbgate.gateway.snapshot;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Snapshots of live streams: holds the channel's stream (starting it if needed), takes the latest keyframe from
 * the hub's GOP cache, decodes it to JPEG off the media threads and releases the hold (the stream then lives on
 * for the idle grace). A snapshot is reused for {@code cacheTtl}; concurrent requests for one channel share one
 * capture.
 */
public final class SnapshotService {

    /** A JPEG of a channel's live picture, taken at {@code takenAt}. */
    public record Snapshot(String channelId, byte[] jpeg, int width, int height, Instant takenAt) {
    }

    private final StreamService streams;
    private final Executor decoder;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Duration timeout;
    private final Map<String, Snapshot> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Snapshot>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param decoder  runs the FFmpeg decode and JPEG encode
     * @param cacheTtl how long a snapshot is served again
     * @param timeout  how long a capture may take, stream start included
     */
    public SnapshotService(StreamService streams, Executor decoder, Clock clock, Duration cacheTtl, Duration timeout) {
        this.streams = streams;
        this.decoder = decoder;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
        this.timeout = timeout;
    }

    /**
     * The channel's current picture.
     *
     * @throws io.gbgate.gateway.stream.UnknownChannelException at once for a channel not in the catalog
     */
    public CompletableFuture<Snapshot> capture(String channelId) {
        Snapshot cached = cache.get(channelId);
        if (cached != null && cached.takenAt().plus(cacheTtl).isAfter(clock.instant())) {
            return CompletableFuture.completedFuture(cached);
        }
        CompletableFuture<Snapshot> fresh = new CompletableFuture<>();
        CompletableFuture<Snapshot> running = inFlight.putIfAbsent(channelId, fresh);
        if (running != null) {
            return running.copy();
        }
        try {
            take(channelId).whenComplete((snapshot, error) -> {
                inFlight.remove(channelId, fresh);
                if (error != null) {
                    fresh.completeExceptionally(error);
                } else {
                    cache.put(channelId, snapshot);
                    fresh.complete(snapshot);
                }
            });
        } catch (RuntimeException e) {
            inFlight.remove(channelId, fresh);
            throw e;
        }
        return fresh.copy();
    }

    private CompletableFuture<Snapshot> take(String channelId) {
        String holder = "snapshot-" + UUID.randomUUID();
        CompletableFuture<LiveStream> held = streams.hold(channelId, holder);
        return held.thenCompose(stream -> {
                    KeyframeCatcher catcher = new KeyframeCatcher();
                    stream.hub().addSink(catcher);
                    return catcher.keyframe().whenComplete((k, e) -> stream.hub().removeSink(catcher));
                })
                .thenApplyAsync(keyframe -> {
                    KeyframeJpeg.Picture picture = KeyframeJpeg.encode(keyframe.annexB(), keyframe.codec());
                    return new Snapshot(channelId, picture.jpeg(), picture.width(), picture.height(), clock.instant());
                }, decoder)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((snapshot, error) -> streams.release(channelId, holder));
    }
}
