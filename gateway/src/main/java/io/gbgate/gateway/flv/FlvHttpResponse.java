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
 */
final class FlvHttpResponse implements FlvSubscriber, WriteListener, AsyncListener {
    private final AsyncContext async;
    private final ServletOutputStream out;
    private volatile FlvSubscription subscription;
    private boolean completed;

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
            ByteBuf chunk = current.poll();
            if (chunk == null) {
                if (current.isClosed()) {
                    complete();
                } else {
                    out.flush();
                }
                return;
            }
            try {
                chunk.readBytes(out, chunk.readableBytes());
            } finally {
                chunk.release();
            }
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
