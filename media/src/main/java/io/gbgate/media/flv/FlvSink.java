package io.gbgate.media.flv;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.hub.StreamSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP-FLV / WebSocket-FLV output of one stream: muxes every access unit once ({@link FlvMuxer})
 * and fans the bytes out to any number of {@link FlvSubscriber}s without copying per subscriber.
 *
 * <p>A new subscriber first gets the stream head (FLV header, onMetaData, sequence headers), then
 * the cached GOP from its keyframe on, or, when no GOP is cached, waits and starts at the next
 * keyframe. Each access unit's tags form one chunk; a subscriber gets a retained slice of it. The
 * ingest thread never waits for a subscriber: one whose queue grows beyond
 * {@link FlvSinkSettings#maxQueuedBytesPerSubscriber()} is closed and counted as dropped.
 *
 * <p>Threads: {@link #onAccessUnit} runs on the ingest thread; {@link #subscribe} and
 * {@link #stats} may be called from any thread. Closing the stream closes every subscription
 * and releases the cache.
 */
public final class FlvSink implements StreamSink, AutoCloseable {
    private static final int INITIAL_CHUNK_BYTES = 4096;
    private static final int INITIAL_HEAD_BYTES = 512;
    static final String TOO_SLOW = "subscriber too slow: FLV queue limit exceeded";

    private final FlvSinkSettings settings;
    private final ByteBufAllocator allocator;
    private final Object lock = new Object();
    // guarded by lock
    private final FlvMuxer muxer = new FlvMuxer();
    private final List<FlvSubscription> subscriptions = new ArrayList<>();
    private final List<ByteBuf> cachedGop = new ArrayList<>();
    private long cachedGopBytes;
    private boolean gopCacheComplete;
    private boolean closed;
    private String closeReason;

    private final AtomicLong subscribersDropped = new AtomicLong();
    private final AtomicLong unitsReceived = new AtomicLong();
    private final AtomicLong unitsMuxed = new AtomicLong();
    private final AtomicLong unitsWaiting = new AtomicLong();
    private final AtomicLong unitsOtherAudio = new AtomicLong();
    private final AtomicLong unitsMalformed = new AtomicLong();
    private final AtomicLong bytesMuxed = new AtomicLong();

    public FlvSink() {
        this(FlvSinkSettings.defaults(), ByteBufAllocator.DEFAULT);
    }

    /** @param allocator where the chunks (one per access unit) come from */
    public FlvSink(FlvSinkSettings settings, ByteBufAllocator allocator) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    /**
     * Adds a viewer. When the stream has already ended, {@link FlvSubscriber#onClosed} is called
     * right away with the reason.
     */
    public FlvSubscription subscribe(FlvSubscriber subscriber) {
        FlvSubscription subscription = new FlvSubscription(Objects.requireNonNull(subscriber, "subscriber"));
        String endedBecause;
        synchronized (lock) {
            endedBecause = closed ? closeReason : null;
            if (!closed) {
                subscriptions.add(subscription);
                if (gopCacheComplete && !cachedGop.isEmpty()) {
                    startStreaming(subscription);
                    for (ByteBuf chunk : cachedGop) {
                        deliver(subscription, chunk);
                    }
                }
            }
        }
        if (endedBecause != null) {
            subscription.close(endedBecause);
        }
        return subscription;
    }

    @Override
    public void onAccessUnit(AccessUnit unit) {
        unitsReceived.incrementAndGet();
        synchronized (lock) {
            if (closed) {
                return;
            }
            ByteBuf chunk = allocator.buffer(Math.max(INITIAL_CHUNK_BYTES, unit.size() + 64));
            try {
                FlvMuxer.Outcome outcome = muxer.write(unit, chunk);
                count(outcome);
                if (chunk.isReadable()) {
                    bytesMuxed.addAndGet(chunk.readableBytes());
                    publish(chunk, outcome == FlvMuxer.Outcome.KEYFRAME);
                }
            } finally {
                chunk.release();
            }
        }
    }

    @Override
    public void onStreamClosed(String reason) {
        List<FlvSubscription> toClose;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closeReason = reason;
            clearGop();
            toClose = new ArrayList<>(subscriptions);
            subscriptions.clear();
        }
        for (FlvSubscription subscription : toClose) {
            subscription.finish(reason); // what is queued is still delivered
        }
    }

    @Override
    public void close() {
        onStreamClosed("FLV output closed");
    }

    public FlvSinkStats stats() {
        int open;
        synchronized (lock) {
            open = (int) subscriptions.stream().filter(s -> !s.isClosed()).count();
        }
        return new FlvSinkStats(open, subscribersDropped.get(), unitsReceived.get(), unitsMuxed.get(),
                unitsWaiting.get(), unitsMalformed.get(), unitsOtherAudio.get(), bytesMuxed.get());
    }

    /** Caches the chunk when it belongs to the current GOP and sends it to every subscriber that can take it. */
    private void publish(ByteBuf chunk, boolean keyframe) {
        if (keyframe) {
            clearGop();
            gopCacheComplete = true;
        }
        if (gopCacheComplete) {
            if (cachedGopBytes + chunk.readableBytes() <= settings.maxCachedGopBytes()) {
                cachedGop.add(chunk.retainedSlice());
                cachedGopBytes += chunk.readableBytes();
            } else {
                clearGop(); // an incomplete GOP cannot start a viewer: wait for the next keyframe
            }
        }
        subscriptions.removeIf(FlvSubscription::isClosed);
        for (FlvSubscription subscription : subscriptions) {
            if (!subscription.streaming()) {
                if (!keyframe) {
                    continue;
                }
                startStreaming(subscription);
            }
            deliver(subscription, chunk);
        }
    }

    private void startStreaming(FlvSubscription subscription) {
        ByteBuf head = allocator.buffer(INITIAL_HEAD_BYTES);
        muxer.writeStreamHead(head);
        subscription.startStreaming();
        deliver(subscription, head);
        head.release();
    }

    private void deliver(FlvSubscription subscription, ByteBuf chunk) {
        long queued = subscription.offer(chunk.retainedSlice());
        if (queued > settings.maxQueuedBytesPerSubscriber() && subscription.close(TOO_SLOW)) {
            subscribersDropped.incrementAndGet();
        }
    }

    private void count(FlvMuxer.Outcome outcome) {
        AtomicLong counter = switch (outcome) {
            case KEYFRAME, VIDEO, AUDIO -> unitsMuxed;
            case WAITING_FOR_KEYFRAME -> unitsWaiting;
            case OTHER_AUDIO -> unitsOtherAudio;
            case MALFORMED -> unitsMalformed;
        };
        counter.incrementAndGet();
    }

    private void clearGop() {
        for (ByteBuf chunk : cachedGop) {
            chunk.release();
        }
        cachedGop.clear();
        cachedGopBytes = 0;
        gopCacheComplete = false;
    }
}
