package io.gbgate.gateway.event;

import io.gbgate.gateway.clip.ClipService;
import io.gbgate.gateway.clip.ClipView;
import io.gbgate.storage.event.Evidence;
import io.gbgate.storage.event.EvidenceRepository;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings clip evidence to an end, driven by the database so that nothing is lost over a restart: clips whose range
 * is recorded by now ({@code not_before} passed) are submitted to {@link ClipService}; submitted ones become ready
 * once exported and confirmed by the object store, or failed with the export's reason. Each transition is written
 * together with its hooks. Snapshots a restart left pending are failed (the moment is gone).
 */
public final class EvidenceTracker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EvidenceTracker.class);
    private static final int BATCH = 50;

    private final EvidenceRepository evidence;
    private final ClipService clips;
    private final EvidenceHooks hooks;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("event-evidence", true));

    EvidenceTracker(EvidenceRepository evidence, ClipService clips, EvidenceHooks hooks, TransactionTemplate tx,
                    Clock clock) {
        this.evidence = evidence;
        this.clips = clips;
        this.hooks = hooks;
        this.tx = tx;
        this.clock = clock;
    }

    /** Fails snapshots left pending by the previous run, then checks every {@code interval}. */
    public void start(Duration interval) {
        executor.execute(this::failAbandonedSnapshots);
        executor.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where evidence I/O (storing snapshots) runs, off request and media threads. */
    Executor executor() {
        return executor;
    }

    private void failAbandonedSnapshots() {
        try {
            for (Evidence snapshot : evidence.findSnapshotsPendingSince(clock.instant())) {
                finish(snapshot, null, "the gateway restarted before the snapshot was stored");
            }
        } catch (RuntimeException e) {
            log.warn("could not fail abandoned snapshots: {}", e.toString());
        }
    }

    void tick() {
        try {
            for (Evidence due : evidence.findClipsDue(clock.instant(), BATCH)) {
                submit(due);
            }
            for (Evidence running : evidence.findClipsRunning(BATCH * 4)) {
                check(running);
            }
        } catch (RuntimeException e) {
            log.warn("evidence tick failed: {}", e.toString());
        }
    }

    private void submit(Evidence clip) {
        ClipView submitted;
        try {
            submitted = clips.submit(clip.channelId(), clip.from(), clip.to());
        } catch (IllegalArgumentException e) {
            finish(clip, null, "clip refused: " + e.getMessage());
            return;
        }
        if (!evidence.attachClip(clip.id(), submitted.clipId())) {
            log.info("evidence {}: clip already submitted by another worker", clip.id());
        }
    }

    private void check(Evidence item) {
        Optional<ClipView> clip = clips.view(item.clipId());
        if (clip.isEmpty()) {
            finish(item, null, "clip " + item.clipId() + " no longer exists");
        } else if ("failed".equals(clip.get().state())) {
            finish(item, null, clip.get().reason());
        } else if ("ready".equals(clip.get().state()) && clip.get().stored()) {
            finish(item, clip.get().reason(), null);
        }
    }

    /**
     * Ends a pending item: ready (with an optional note) when {@code failure} is null, else failed; the change and
     * its hooks commit together. Nothing happens when the item is no longer pending.
     */
    void finish(Evidence item, String note, String failure) {
        tx.executeWithoutResult(status -> {
            boolean changed = failure == null ? evidence.markReady(item.id(), item.objectKey(), note)
                    : evidence.markFailed(item.id(), failure);
            if (changed) {
                hooks.changed(evidence.find(item.id()).orElseThrow());
            }
        });
    }

    /** Ends a pending snapshot with its stored object. */
    void snapshotStored(Evidence item, String objectKey) {
        tx.executeWithoutResult(status -> {
            if (evidence.markReady(item.id(), objectKey, null)) {
                hooks.changed(evidence.find(item.id()).orElseThrow());
            }
        });
    }

    /** Looks now rather than at the next tick. */
    void wake() {
        try {
            executor.execute(this::tick);
        } catch (RejectedExecutionException closed) {
            // shutting down: the rows are picked up at the next start
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
