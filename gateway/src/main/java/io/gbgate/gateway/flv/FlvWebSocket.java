package io.gbgate.gateway.flv;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.transcode.ClientCodec;
import io.gbgate.media.flv.FlvSubscriber;
import io.gbgate.media.flv.FlvSubscription;
import io.netty.buffer.ByteBuf;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket-FLV viewer: every FLV chunk of its {@link FlvSubscription} goes out as one binary
 * message; the next chunk is polled when the previous send completed, so at most one send is in
 * flight and a slow client makes the sink's queue (and its drop limit) do the buffering.
 */
final class FlvWebSocket extends Endpoint implements FlvSubscriber {
    private final FlvOutputs outputs;
    private final LiveStream stream;
    private final ClientCodec codec;
    private final String viewerId;
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile Session session;
    private volatile FlvSubscription subscription;

    FlvWebSocket(FlvOutputs outputs, LiveStream stream, ClientCodec codec, String viewerId) {
        this.outputs = outputs;
        this.stream = stream;
        this.codec = codec;
        this.viewerId = viewerId;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        this.subscription = outputs.subscribe(stream, codec, this, viewerId);
        pump();
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        cancel();
    }

    @Override
    public void onError(Session session, Throwable error) {
        cancel();
    }

    @Override
    public void onDataAvailable(FlvSubscription ignored) {
        pump();
    }

    @Override
    public void onClosed(FlvSubscription ignored, String reason) {
        Session current = session;
        if (current == null || !current.isOpen()) {
            cancel(); // nobody to deliver the rest to
            return;
        }
        pump(); // sends what is still queued, then closes the session
    }

    /** Sends the next chunk unless a send is in flight. */
    private void pump() {
        FlvSubscription current = subscription;
        Session open = session;
        if (current == null || open == null || !sending.compareAndSet(false, true)) {
            return;
        }
        ByteBuf chunk = current.poll();
        if (chunk == null) {
            sending.set(false);
            if (current.isClosed()) {
                closeQuietly(open, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, truncate(current.closeReason())));
            } else if (current.queuedBytes() > 0) {
                pump(); // a chunk arrived between the poll and the flag
            }
            return;
        }
        try {
            open.getAsyncRemote().sendBinary(chunk.nioBuffer(), result -> sent(chunk, result));
        } catch (RuntimeException e) {
            chunk.release();
            sending.set(false);
            cancel();
        }
    }

    private void sent(ByteBuf chunk, SendResult result) {
        chunk.release();
        sending.set(false);
        if (result.isOK()) {
            pump();
        } else {
            cancel();
        }
    }

    private void cancel() {
        FlvSubscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private static String truncate(String reason) {
        String text = reason == null ? "stream ended" : reason;
        return text.length() > 120 ? text.substring(0, 120) : text; // close reasons are limited to 123 bytes
    }

    private static void closeQuietly(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException e) {
            // the peer is gone already
        }
    }
}
