package io.gbgate.storage.object;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads local files to an {@link ObjectStore}, retrying with exponential backoff while the store is unavailable.
 *
 * <p>Each attempt first asks the store for the object: if it already holds the same size and SHA-256 (an earlier
 * attempt, or a run before a crash, got it there) the upload completes without sending anything, so uploading
 * the same key and file again yields exactly one object. Otherwise it puts the file and then confirms the object
 * with a fresh {@link ObjectStore#stat}; only after that confirmation is the local file (optionally) deleted.
 * Retryable failures ({@link ObjectStoreException#retryable()}) are retried per the {@link RetryPolicy}; others
 * fail the returned future and leave the local file alone.
 *
 * <p>Attempts run on a fixed pool of threads and waiting uploads hold no thread. State is in memory only: the
 * caller (the clip job table) keeps what must survive a restart and calls {@link #upload} again after one.
 */
public final class RetryingUploader implements AutoCloseable {

    /** What to do with the local file once the store confirmed the object. */
    public enum AfterUpload {
        /** Leave the file where it is. */
        KEEP_LOCAL_FILE,
        /** Delete the file (only after the confirming stat matched size and checksum). */
        DELETE_LOCAL_FILE
    }

    private static final Logger LOG = LoggerFactory.getLogger(RetryingUploader.class);

    private final ObjectStore store;
    private final RetryPolicy policy;
    private final AfterUpload afterUpload;
    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, UploadJob> jobs = new ConcurrentHashMap<>();

    /**
     * An uploader to {@code store}.
     *
     * @param threads number of attempts that may run at the same time (the pool size)
     */
    public RetryingUploader(ObjectStore store, RetryPolicy policy, int threads, AfterUpload afterUpload) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.afterUpload = Objects.requireNonNull(afterUpload, "afterUpload");
        this.executor = new ScheduledThreadPoolExecutor(threads, namedDaemonThreads());
        this.executor.setRemoveOnCancelPolicy(true);
    }

    /**
     * Starts (or joins) the upload of {@code file} as {@code key}.
     *
     * <p>While an upload of the same key and file is pending, its future is returned again; a pending upload of
     * the same key from a different file fails the new call with {@link IllegalStateException}. When
     * {@code metadata.sha256()} is set, a file whose content differs fails at once (kind {@code LOCAL_IO}), and
     * a missing file is accepted if the store already holds an object with that checksum.
     *
     * @return completes with the confirmed object, or exceptionally with the non-retryable
     *         {@link ObjectStoreException} (or after {@link RetryPolicy#maxAttempts()} with the last one)
     * @throws IllegalArgumentException for an invalid key
     */
    public CompletableFuture<StoredObject> upload(String key, Path file, ObjectMetadata metadata) {
        ObjectKeys.requireValid(key);
        UploadJob fresh = new UploadJob(key, Objects.requireNonNull(file, "file"),
                Objects.requireNonNull(metadata, "metadata"));
        UploadJob job = jobs.computeIfAbsent(key, k -> fresh);
        if (job != fresh) {
            return job.file.equals(file) ? job.result
                    : CompletableFuture.failedFuture(new IllegalStateException(
                            "an upload of " + key + " from " + job.file + " is still pending"));
        }
        fresh.result.whenComplete((stored, failure) -> jobs.remove(key, fresh));
        submit(fresh, Duration.ZERO);
        return fresh.result;
    }

    /** The uploads not finished yet, ordered by key. */
    public List<PendingUpload> pending() {
        return jobs.values().stream()
                .map(UploadJob::snapshot)
                .sorted(Comparator.comparing(PendingUpload::key))
                .toList();
    }

    /**
     * Stops the pool, waiting up to 10 s for running attempts; pending uploads fail with
     * {@link IllegalStateException}. Their local files are kept unless an attempt already running confirmed the
     * object before it ended.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        for (UploadJob job : jobs.values()) {
            job.result.completeExceptionally(new IllegalStateException(
                    "uploader closed before the upload of " + job.key + " from " + job.file + " was confirmed"));
        }
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(UploadJob job, Duration delay) {
        job.nextAttemptAt = delay.isZero() ? null : clock.instant().plus(delay);
        try {
            executor.schedule(() -> attempt(job), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            job.result.completeExceptionally(new IllegalStateException("uploader is closed", e));
        }
    }

    private void attempt(UploadJob job) {
        if (job.result.isDone()) {
            return;
        }
        job.nextAttemptAt = null;
        job.attempts++;
        try {
            StoredObject confirmed = uploadAndConfirm(job);
            disposeLocalFile(job);
            job.result.complete(confirmed);
        } catch (ObjectStoreException e) {
            job.lastError = e.getMessage();
            if (e.retryable() && policy.allowsAnotherAttempt(job.attempts)) {
                Duration delay = policy.delayBeforeRetry(job.attempts, ThreadLocalRandom.current());
                LOG.info("upload of {} failed (attempt {}), retrying in {} ms: {}", job.key, job.attempts,
                        delay.toMillis(), e.getMessage());
                submit(job, delay);
            } else {
                LOG.warn("upload of {} failed for good after {} attempt(s), local file kept: {}", job.key,
                        job.attempts, e.getMessage());
                job.result.completeExceptionally(e);
            }
        } catch (RuntimeException | Error e) {
            job.lastError = e.toString();
            LOG.error("upload of {} failed unexpectedly, local file kept", job.key, e);
            job.result.completeExceptionally(e);
        }
    }

    private StoredObject uploadAndConfirm(UploadJob job) {
        Optional<StoredObject> existing = store.stat(job.key);
        String expectedSha = job.metadata.sha256();
        if (expectedSha != null && !Files.exists(job.file) && existing.isPresent()
                && expectedSha.equals(existing.get().sha256())) {
            LOG.info("{} already stored and its local file is gone: nothing to upload", job.key);
            return existing.get();
        }
        FileDigest digest = FileDigest.of(job.file);
        if (expectedSha != null && !expectedSha.equals(digest.sha256())) {
            throw new ObjectStoreException(ObjectStoreException.Kind.LOCAL_IO, job.file + " has SHA-256 "
                    + digest.sha256() + " but the upload of " + job.key + " expects " + expectedSha, null);
        }
        if (existing.isPresent() && existing.get().matches(digest)) {
            LOG.debug("{} already stored with the same checksum, not uploading again", job.key);
            return existing.get();
        }
        if (existing.isPresent()) {
            LOG.warn("replacing {} (sha256 {}) with different content from {}", job.key, existing.get().sha256(),
                    job.file);
        }
        store.put(job.key, job.file, job.metadata.withSha256(digest.sha256()));
        return store.stat(job.key)
                .filter(stored -> stored.matches(digest))
                .orElseThrow(() -> ObjectStoreException.integrity(
                        job.key + " not confirmed by the store after upload (missing or different size/checksum)"));
    }

    private void disposeLocalFile(UploadJob job) {
        if (afterUpload == AfterUpload.DELETE_LOCAL_FILE) {
            try {
                Files.deleteIfExists(job.file);
            } catch (IOException e) {
                LOG.warn("{} is stored but its local file {} could not be deleted: {}", job.key, job.file,
                        e.toString());
            }
        }
    }

    private static ThreadFactory namedDaemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "object-upload-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Mutable state of one upload; fields are written by the attempt running it and read by {@link #pending}. */
    private static final class UploadJob {
        final String key;
        final Path file;
        final ObjectMetadata metadata;
        final CompletableFuture<StoredObject> result = new CompletableFuture<>();
        volatile int attempts;
        volatile String lastError;
        volatile Instant nextAttemptAt;

        UploadJob(String key, Path file, ObjectMetadata metadata) {
            this.key = key;
            this.file = file;
            this.metadata = metadata;
        }

        PendingUpload snapshot() {
            return new PendingUpload(key, file, attempts, lastError, nextAttemptAt);
        }
    }
}
