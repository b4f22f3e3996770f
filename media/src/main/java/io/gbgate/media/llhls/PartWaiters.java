package io.gbgate.media.llhls;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Requests held until a part exists (blocking playlist reloads, preload-hinted parts): one
 * future per request, no thread. The publisher calls {@link #wake} after each new window; the
 * futures complete on {@code executor}, never on the ingest thread. A future that completes
 * otherwise (a timeout set by the caller, cancellation) leaves the queue by itself.
 */
final class PartWaiters {
    /** More held requests than this on one stream is a misbehaving client: refused. */
    static final int MAX_WAITING = 4096;

    private record Waiter(BlockingReload target, CompletableFuture<Void> future) {
    }

    private final Queue<Waiter> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Executor executor;

    PartWaiters(Executor executor) {
        this.executor = executor;
    }

    /** Completes once {@code target} is satisfied by the window {@code current} supplies. */
    CompletableFuture<Void> await(BlockingReload target, Supplier<LlHlsWindow> current) {
        if (target.satisfiedBy(current.get())) {
            return CompletableFuture.completedFuture(null);
        }
        if (count.get() >= MAX_WAITING) {
            return CompletableFuture.failedFuture(new RejectedExecutionException(
                    MAX_WAITING + " requests are already waiting on this stream"));
        }
        Waiter waiter = new Waiter(target, new CompletableFuture<>());
        waiting.add(waiter);
        count.incrementAndGet();
        waiter.future.whenComplete((ignored, error) -> {
            if (waiting.remove(waiter)) {
                count.decrementAndGet();
            }
        });
        if (target.satisfiedBy(current.get())) { // published between the first check and the registration
            waiter.future.complete(null);
        }
        return waiter.future;
    }

    /** Completes, on the executor, every waiter {@code window} satisfies. */
    void wake(LlHlsWindow window) {
        if (waiting.isEmpty()) {
            return;
        }
        executor.execute(() -> {
            for (Waiter waiter : waiting) {
                if (waiter.target.satisfiedBy(window)) {
                    waiter.future.complete(null);
                }
            }
        });
    }

    int waiting() {
        return count.get();
    }
}
