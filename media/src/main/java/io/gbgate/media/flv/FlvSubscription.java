package io.gbgate.media.flv;

import io.netty.buffer.ByteBuf;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue of FLV bytes between an {@link FlvSink} and one {@link FlvSubscriber}. The sink offers
 * chunks from the ingest thread; the transport polls them from its own thread. The queue is
 * bounded in bytes: a subscriber that lets more pile up is dropped by the sink.
 */
public final class FlvSubscription {
    private final FlvSubscriber subscriber;
    private final Queue<ByteBuf> chunks = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong bytesDelivered = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean signalled = new AtomicBoolean();
    private volatile String closeReason;
    /** The subscriber has received the stream head and gets every chunk (guarded by the sink's lock). */
    private boolean streaming;

    FlvSubscription(FlvSubscriber subscriber) {
        this.subscriber = subscriber;
    }

    /**
     * The next chunk of the FLV stream, now owned by the caller (release it after writing), or
     * null when nothing is queued or the subscription is closed.
     */
    public ByteBuf poll() {
        ByteBuf chunk = chunks.poll();
        if (chunk == null) {
            signalled.set(false);
            // an offer may have slipped in between the poll and the reset: do not strand it
            chunk = chunks.poll();
            if (chunk == null) {
                return null;
            }
            signalled.set(true);
        }
        int size = chunk.readableBytes();
        queuedBytes.addAndGet(-size);
        bytesDelivered.addAndGet(size);
        return chunk;
    }

    /** Bytes queued and not yet polled. */
    public long queuedBytes() {
        return queuedBytes.get();
    }

    /** Bytes handed to the subscriber by {@link #poll()}. */
    public long bytesDelivered() {
        return bytesDelivered.get();
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Why the subscription ended, or null while it is open. */
    public String closeReason() {
        return closeReason;
    }

    /** Ends the subscription from the subscriber's side (the viewer went away); drops what is still queued. */
    public void cancel() {
        if (!close("cancelled by the subscriber")) {
            releaseQueued(); // after the stream's end: the rest will never be polled
        }
    }

    boolean streaming() {
        return streaming;
    }

    void startStreaming() {
        streaming = true;
    }

    /**
     * Queues {@code chunk} (ownership passes to the subscription) and tells the subscriber when
     * the queue was idle. Returns the bytes now queued, or -1 when closed (the chunk is released).
     */
    long offer(ByteBuf chunk) {
        if (closed.get()) {
            chunk.release();
            return -1;
        }
        long queued = queuedBytes.addAndGet(chunk.readableBytes());
        chunks.add(chunk);
        if (closed.get()) {
            releaseQueued(); // closed concurrently: whoever drains last frees the chunk
            return -1;
        }
        if (signalled.compareAndSet(false, true)) {
            subscriber.onDataAvailable(this);
        }
        return queued;
    }

    /**
     * The stream ended: nothing more is queued, but what is queued stays for the subscriber to {@link #poll} (it
     * is told through {@link FlvSubscriber#onClosed}, drains, then stops, or {@link #cancel}s to drop the rest).
     */
    boolean finish(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        closeReason = reason;
        subscriber.onClosed(this, reason);
        return true;
    }

    /** Closes once (too slow, cancelled): releases what is queued and tells the subscriber why. */
    boolean close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        closeReason = reason;
        releaseQueued();
        subscriber.onClosed(this, reason);
        return true;
    }

    private void releaseQueued() {
        ByteBuf chunk;
        while ((chunk = chunks.poll()) != null) {
            queuedBytes.addAndGet(-chunk.readableBytes());
            chunk.release();
        }
    }

    @Override
    public String toString() {
        return "FlvSubscription[" + subscriber + ", queued=" + queuedBytes.get() + "]";
    }
}
