package io.gbgate.media.flv;

/**
 * One viewer of an {@link FlvSink}: the transport side (an HTTP response in async mode, a
 * WebSocket session) that pulls FLV bytes from its {@link FlvSubscription}.
 *
 * <p>Flow: the sink queues chunks on the subscription and calls {@link #onDataAvailable}; the
 * transport then {@link FlvSubscription#poll() polls} chunks for as long as it can write without
 * blocking, and stops when the transport is busy, resuming when it is writable again. For a
 * servlet response: poll and write while {@code ServletOutputStream.isReady()}, continue in
 * {@code WriteListener.onWritePossible()}. For a WebSocket: poll one chunk, send it as a binary
 * message, poll the next in the send-completion callback. Every polled chunk is owned by the
 * transport, which releases it once written.
 *
 * <p>Both callbacks come from the stream's ingest thread (or the thread that subscribes or
 * cancels) and must not block: hand the work to the transport's own thread.
 */
public interface FlvSubscriber {

    /** New chunks were queued on {@code subscription}; called again only after the queue ran dry. */
    void onDataAvailable(FlvSubscription subscription);

    /**
     * The subscription ended: the stream closed, the subscriber fell too far behind, or it was
     * cancelled. Called exactly once; the queue has been released and polls return null.
     */
    void onClosed(FlvSubscription subscription, String reason);
}
