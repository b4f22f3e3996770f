package io.gbgate.media.transcode;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The few worker threads every transcoder decodes and encodes on, off the Netty event loops. A
 * transcoder has at most one task queued here at a time (it drains its own bounded queue in
 * batches), so the pool's queue is bounded by the number of transcoders.
 */
public final class TranscoderPool implements Executor, AutoCloseable {
    private final ThreadPoolExecutor executor;

    /** A pool of {@code threads} daemon threads named {@code transcode-*}. */
    public TranscoderPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new DefaultThreadFactory("transcode", true));
    }

    /** One thread per two cores, at least one. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    public int threads() {
        return executor.getMaximumPoolSize();
    }

    /** Lets running tasks finish (each transcoder frees its codecs in its last task), up to 5 s. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
