package io.gbgate.gateway.flv;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.media.flv.FlvSink;
import io.gbgate.media.flv.FlvSubscriber;
import io.gbgate.media.flv.FlvSubscription;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.springframework.stereotype.Component;

/**
 * The FLV outputs of the live streams: one {@link FlvSink} per stream, added to its hub when the
 * first HTTP-FLV or WebSocket-FLV viewer subscribes and removed when the last one leaves. Each
 * subscriber holds the stream while it is subscribed, so the stream does not go idle under it.
 *
 * <p>Subscribers leave on another thread than the sink's callbacks: the sink calls
 * {@link FlvSubscriber#onClosed} with its lock held, and this class's lock is taken around
 * {@link io.gbgate.media.hub.StreamHub#addSink}, which takes the hub's.
 */
@Component
public class FlvOutputs {
    private final StreamService streams;
    private final Executor leaving = ForkJoinPool.commonPool();
    private final Map<String, SharedSink> sinks = new HashMap<>();

    public FlvOutputs(StreamService streams) {
        this.streams = streams;
    }

    /** Subscribes {@code subscriber} to {@code stream}'s FLV bytes, adding the stream's sink if it has none yet. */
    public FlvSubscription subscribe(LiveStream stream, FlvSubscriber subscriber) {
        String holder = "flv:" + UUID.randomUUID();
        streams.pin(stream, holder);
        synchronized (this) {
            SharedSink shared = sinks.get(stream.streamId());
            if (shared == null) {
                shared = new SharedSink(stream, new FlvSink());
                sinks.put(stream.streamId(), shared);
                stream.hub().addSink(shared.sink);
            }
            shared.subscribers++;
            SharedSink joined = shared;
            return shared.sink.subscribe(new FlvSubscriber() {
                @Override
                public void onDataAvailable(FlvSubscription subscription) {
                    subscriber.onDataAvailable(subscription);
                }

                @Override
                public void onClosed(FlvSubscription subscription, String reason) {
                    try {
                        subscriber.onClosed(subscription, reason);
                    } finally {
                        leaving.execute(() -> left(joined, holder));
                    }
                }
            });
        }
    }

    /** Streams that have an FLV sink now. */
    public synchronized int activeSinks() {
        return sinks.size();
    }

    private void left(SharedSink shared, String holder) {
        streams.unpin(shared.stream, holder);
        synchronized (this) {
            if (--shared.subscribers > 0) {
                return;
            }
            sinks.remove(shared.stream.streamId(), shared);
            shared.stream.hub().removeSink(shared.sink);
        }
        shared.sink.close();
    }

    private static final class SharedSink {
        final LiveStream stream;
        final FlvSink sink;
        int subscribers;

        SharedSink(LiveStream stream, FlvSink sink) {
            this.stream = stream;
            this.sink = sink;
        }
    }
}
