package io.gbgate.storage.clip;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs clip exports on a small bounded pool and persists every state transition (pending, running with progress,
 * ready or failed). Call {@link #resumeUnfinished()} once at start-up: jobs a crash left pending or running are run
 * again from scratch (the output path is the same, so a re-run just rewrites the file).
 */
public final class ClipJobs implements AutoCloseable {

    /** Longest clip that can be requested. */
    public static final Duration MAX_CLIP = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(ClipJobs.class);

    private final ClipRepository clips;
    private final ClipExporter exporter;
    private final ThreadPoolExecutor executor;
    private final Map<String, CompletableFuture<Clip>> running = new ConcurrentHashMap<>();

    /**
     * @param workers   exports that run at the same time
     * @param maxQueued exports waiting for a worker; beyond that a request fails at once
     */
    public ClipJobs(ClipRepository clips, ClipExporter exporter, int workers, int maxQueued) {
        this.clips = Objects.requireNonNull(clips, "clips");
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        if (workers < 1 || maxQueued < 1) {
            throw new IllegalArgumentException("clip workers and queue must be positive: " + workers + ", "
                    + maxQueued);
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(maxQueued), runnable -> {
                    Thread thread = new Thread(runnable, "clip-export-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Stores a new clip request and queues its export.
     *
     * @return the stored clip: pending, or already failed when the queue is full
     * @throws IllegalArgumentException for an empty, reversed or too long range
     */
    public Clip submit(String channelId, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("clip range is empty or reversed: " + from + " .. " + to);
        }
        if (Duration.between(from, to).compareTo(MAX_CLIP) > 0) {
            throw new IllegalArgumentException("clip longer than " + MAX_CLIP.toMinutes() + " minutes: " + from
                    + " .. " + to);
        }
        Clip clip = clips.create(channelId, from, to);
        schedule(clip);
        return clips.find(clip.id()).orElse(clip);
    }

    /**
     * Queues again every clip a crash left pending or running (from scratch).
     *
     * @return how many were resumed
     */
    public int resumeUnfinished() {
        List<Clip> unfinished = clips.findUnfinished();
        for (Clip clip : unfinished) {
            LOG.info("resuming clip {} of {} ({} .. {}) left {}", clip.id(), clip.channelId(), clip.from(), clip.to(),
                    clip.state().code());
            clips.markPending(clip.id());
            schedule(clip);
        }
        return unfinished.size();
    }

    /**
     * Completes with the final clip once an export queued by this instance is over; already completed when the
     * clip is not being exported here (look it up in the repository then).
     */
    public CompletableFuture<Clip> completion(String clipId) {
        CompletableFuture<Clip> future = running.get(clipId);
        return future != null ? future.copy()
                : CompletableFuture.completedFuture(clips.find(clipId).orElse(null));
    }

    /** Stops taking work, lets running exports finish (at most 60 s); queued ones stay pending for the next start. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    private void schedule(Clip clip) {
        CompletableFuture<Clip> done = new CompletableFuture<>();
        running.put(clip.id(), done);
        try {
            executor.execute(() -> run(clip, done));
        } catch (RejectedExecutionException e) {
            running.remove(clip.id());
            clips.markFailed(clip.id(), "too many clip exports waiting (" + executor.getQueue().size()
                    + " queued); try again later");
            done.complete(clips.find(clip.id()).orElse(clip));
        }
    }

    private void run(Clip clip, CompletableFuture<Clip> done) {
        try {
            clips.markRunning(clip.id());
            ClipFile file = exporter.export(clip.id(), clip.channelId(), clip.from(), clip.to(),
                    percent -> clips.updateProgress(clip.id(), percent));
            clips.markReady(clip.id(), file);
        } catch (ClipExportException e) {
            LOG.info("clip {} failed: {}", clip.id(), e.getMessage());
            clips.markFailed(clip.id(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("clip {} failed", clip.id(), e);
            clips.markFailed(clip.id(), "export failed: " + e);
        } finally {
            running.remove(clip.id());
            done.complete(latest(clip));
        }
    }

    private Clip latest(Clip clip) {
        try {
            return clips.find(clip.id()).orElse(clip);
        } catch (RuntimeException e) {
            LOG.warn("clip {}: could not read back its final state: {}", clip.id(), e.toString());
            return clip;
        }
    }
}
