package io.gbgate.gateway.flv;

import io.gbgate.media.flv.FlvSubscriber;
import io.gbgate.media.flv.FlvSubscription;
import io.netty.buffer.ByteBuf;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/**
 * One HTTP-FLV viewer: an async servlet response in non-blocking mode fed from its
 * {@link FlvSubscription}. Chunks are polled and written while the output is ready; when it is not,
 * writing continues in {@link #onWritePossible}. New data from the sink is drained on a container
 * thread. Disconnects and timeouts cancel the subscription; the end of the subscription completes
 * the response.
 *
 * <p>Non-blocking mode allows one {@code write} per {@code isReady() == true}: a chunk (a keyframe can
 * be hundreds of KB) goes out as one write of at most {@link #WRITE_BYTES} at a time through a scratch
 * array, and a partly written chunk waits as {@code pending} for the next {@link #onWritePossible}.
 * (Netty's {@code ByteBuf.readBytes(OutputStream, int)} on a direct buffer writes in several pieces
 * without asking, which made Tomcat fail and close the response after the first big keyframe.)
 */
final class FlvHttpResponse implements FlvSubscriber, WriteListener, AsyncListener {
    /** Largest single write; also the size of the scratch array each viewer holds. */
    static final int WRITE_BYTES = 16 * 1024;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private volatile FlvSubscription subscription;
    // guarded by this
    private boolean completed;
    private ByteBuf pending;
    private byte[] scratch;

    FlvHttpResponse(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /** Starts writing once subscribed; call once. */
    void start(FlvSubscription subscription) {
        this.subscription = subscription;
        async.addListener(this);
        out.setWriteListener(this);
    }

    @Override
    public void onDataAvailable(FlvSubscription ignored) {
        dispatchDrain();
    }

    @Override
    public void onClosed(FlvSubscription ignored, String reason) {
        dispatchDrain();
    }

    @Override
    public void onWritePossible() throws IOException {
        drain();
    }

    @Override
    public void onError(Throwable error) {
        cancel();
    }

    private void dispatchDrain() {
        synchronized (this) {
            if (completed || subscription == null) {
                return;
            }
        }
        try {
            async.start(() -> {
                try {
                    drain();
                } catch (IOException e) {
                    cancel();
                }
            });
        } catch (IllegalStateException e) {
            cancel(); // the response completed meanwhile
        }
    }

    private synchronized void drain() throws IOException {
        FlvSubscription current = subscription;
        if (completed || current == null) {
            return;
        }
        while (out.isReady()) {
            ByteBuf chunk = pending != null ? pending : current.poll();
            if (chunk == null) {
                if (current.isClosed()) {
                    complete();
                } else {
                    out.flush();
                }
                return;
            }
            pending = chunk;
            writeSome(chunk);
            if (!chunk.isReadable()) {
                pending = null;
                chunk.release();
            }
        }
    }

    /** One write of the start of {@code chunk} (one call to the output stream, as non-blocking mode allows). */
    private void writeSome(ByteBuf chunk) throws IOException {
        int length = Math.min(chunk.readableBytes(), WRITE_BYTES);
        if (chunk.hasArray()) {
            out.write(chunk.array(), chunk.arrayOffset() + chunk.readerIndex(), length);
            chunk.skipBytes(length);
            return;
        }
        if (scratch == null) {
            scratch = new byte[WRITE_BYTES];
        }
        chunk.readBytes(scratch, 0, length);
        out.write(scratch, 0, length);
    }

    private synchronized void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    private synchronized void complete() {
        if (!completed) {
            completed = true;
            async.complete();
        }
    }

    private void cancel() {
        FlvSubscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        synchronized (this) {
            completed = true;
        }
        releasePending();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        cancel();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        complete();
        cancel();
    }

    @Override
    public void onError(AsyncEvent event) {
        cancel();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
