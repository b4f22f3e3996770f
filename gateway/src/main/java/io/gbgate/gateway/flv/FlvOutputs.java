package io.gbgate.gateway.flv;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.gateway.transcode.ClientCodec;
import io.gbgate.gateway.transcode.TranscodeService;
import io.gbgate.media.flv.FlvSink;
import io.gbgate.media.flv.FlvSubscriber;
import io.gbgate.media.flv.FlvSubscription;
import io.gbgate.media.hub.StreamHub;
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
 * Viewers that want H.264 from an H.265 stream share a second sink on the stream's transcode, each
 * holding a {@link TranscodeService.Lease}.
 *
 * <p>Subscribers leave on another thread than the sink's callbacks: the sink calls
 * {@link FlvSubscriber#onClosed} with its lock held, and this class's lock is taken around
 * {@link io.gbgate.media.hub.StreamHub#addSink}, which takes the hub's.
 */
@Component
public class FlvOutputs {
    private final StreamService streams;
    private final TranscodeService transcodes;
    private final Executor leaving = ForkJoinPool.commonPool();
    private final Map<String, SharedSink> sinks = new HashMap<>();

    public FlvOutputs(StreamService streams, TranscodeService transcodes) {
        this.streams = streams;
        this.transcodes = transcodes;
    }

    /**
     * Subscribes {@code subscriber} to {@code stream}'s FLV bytes (its H.264 transcode when it wants H.264
     * and the stream is H.265), adding the sink if there is none yet. The subscription holds the stream, and
     * keeps the play viewer {@code viewerId} (null: none) from going idle, until it closes.
     */
    public FlvSubscription subscribe(LiveStream stream, ClientCodec codec, FlvSubscriber subscriber,
                                     String viewerId) {
        String holder = "flv:" + UUID.randomUUID();
        streams.pin(stream, holder, viewerId);
        TranscodeService.Lease transcode = transcodes.needed(stream, codec) ? transcodes.acquire(stream, holder) : null;
        StreamHub hub = transcode == null ? stream.hub() : transcode.hub();
        String key = transcode == null ? stream.streamId() : stream.streamId() + "/h264";
        synchronized (this) {
            SharedSink shared = sinks.get(key);
            if (shared == null || shared.hub != hub) { // a new transcoder after the last one stopped
                shared = new SharedSink(stream, key, hub, new FlvSink());
                sinks.put(key, shared);
                hub.addSink(shared.sink);
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
                        leaving.execute(() -> left(joined, holder, transcode));
                    }
                }
            });
        }
    }

    /** Streams that have an FLV sink now. */
    public synchronized int activeSinks() {
        return sinks.size();
    }

    private void left(SharedSink shared, String holder, TranscodeService.Lease transcode) {
        streams.unpin(shared.stream, holder);
        boolean last;
        synchronized (this) {
            last = --shared.subscribers == 0;
            if (last) {
                sinks.remove(shared.key, shared);
                shared.hub.removeSink(shared.sink);
            }
        }
        if (last) {
            shared.sink.close();
        }
        if (transcode != null) {
            transcode.release();
        }
    }

    private static final class SharedSink {
        final LiveStream stream;
        final String key;
        final StreamHub hub;
        final FlvSink sink;
        int subscribers;

        SharedSink(LiveStream stream, String key, StreamHub hub, FlvSink sink) {
            this.stream = stream;
            this.key = key;
            this.hub = hub;
            this.sink = sink;
        }
    }
}
