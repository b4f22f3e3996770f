package io.gbgate.media.flv;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Test subscriber standing in for a transport: drains its subscription into a byte array, either
 * right away on the calling thread or on an executor (like a WebSocket send loop), or never
 * (a viewer whose connection stalled).
 */
final class CollectingSubscriber implements FlvSubscriber {
    private final Executor transport;
    private final boolean drains;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<String> closeReasons = new ArrayList<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();

    private CollectingSubscriber(Executor transport, boolean drains) {
        this.transport = transport;
        this.drains = drains;
    }

    /** Drains synchronously in {@link #onDataAvailable}. */
    static CollectingSubscriber immediate() {
        return new CollectingSubscriber(Runnable::run, true);
    }

    /** Drains on {@code transport}. */
    static CollectingSubscriber on(Executor transport) {
        return new CollectingSubscriber(transport, true);
    }

    /** Never polls by itself (see {@link #drainNow}). */
    static CollectingSubscriber stalled() {
        return new CollectingSubscriber(Runnable::run, false);
    }

    @Override
    public void onDataAvailable(FlvSubscription subscription) {
        if (drains) {
            transport.execute(() -> drain(subscription));
        }
    }

    @Override
    public synchronized void onClosed(FlvSubscription subscription, String reason) {
        closeReasons.add(reason);
        transport.execute(() -> {
            if (drains) {
                drain(subscription); // what the stream left queued, or null after a close that released it
            }
            closed.complete(reason);
        });
    }

    /** Polls everything queued now, on the caller's thread (a stalled subscriber catching up). */
    void drainNow(FlvSubscription subscription) {
        drain(subscription);
    }

    private synchronized void drain(FlvSubscription subscription) {
        ByteBuf chunk;
        while ((chunk = subscription.poll()) != null) {
            try {
                chunk.readBytes(received, chunk.readableBytes());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } finally {
                chunk.release();
            }
        }
    }

    synchronized byte[] bytes() {
        return received.toByteArray();
    }

    synchronized List<String> closeReasons() {
        return List.copyOf(closeReasons);
    }

    CompletableFuture<String> closed() {
        return closed;
    }
}
