package io.gbgate.storage.recording;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes recorded segments, oldest first, that ended before the maximum age or while all recordings together
 * exceed the quota (sizes as indexed). A segment leased by a reader (see {@link SegmentLeases}) is skipped and
 * kept.
 *
 * <p>Crash safety: the row is first marked as being deleted (which hides it from queries), then the file is
 * deleted, then the row. A run first finishes deletions a crash interrupted, so no file is ever left without a row
 * and no visible row points to a deleted file. Runs are serialised; call {@link #run()} from a scheduler.
 */
public final class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final int BATCH = 500;

    private final Path dataDir;
    private final RecordingIndex index;
    private final SegmentLeases leases;
    private final RetentionPolicy policy;
    private final Clock clock;

    /**
     * @param dataDir the data directory segment paths are relative to
     * @param index   the segment index
     * @param leases  the leases readers take
     * @param policy  age and size limits
     * @param clock   defines "now" for the age limit
     */
    public RetentionJob(Path dataDir, RecordingIndex index, SegmentLeases leases, RetentionPolicy policy, Clock clock) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
        this.index = Objects.requireNonNull(index, "index");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs once and reports what was deleted. */
    public synchronized RetentionReport run() {
        int failures = finishInterruptedDeletions();
        Instant cutoff = clock.instant().minus(policy.maxAge());
        long total = index.totalBytes();
        List<RecordingSegment> deleted = new ArrayList<>();
        long deletedBytes = 0;
        int skippedLeased = 0;
        Instant after = Instant.EPOCH;
        long afterId = 0;
        scan:
        while (true) {
            List<RecordingSegment> batch = index.oldestAfter(after, afterId, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (RecordingSegment segment : batch) {
                after = segment.startAt();
                afterId = segment.id();
                if (!segment.endAt().isBefore(cutoff) && total <= policy.quotaBytes()) {
                    break scan;
                }
                if (!leases.claimForDeletion(segment.id())) {
                    skippedLeased++;
                    continue;
                }
                try {
                    if (delete(segment)) {
                        deleted.add(segment);
                        deletedBytes += segment.bytes();
                        total -= segment.bytes();
                    } else {
                        failures++;
                    }
                } finally {
                    leases.endDeletion(segment.id());
                }
            }
        }
        if (!deleted.isEmpty() || skippedLeased > 0 || failures > 0) {
            LOG.info("retention deleted {} segment(s), {} bytes; kept {} leased; {} failure(s); {} bytes left",
                    deleted.size(), deletedBytes, skippedLeased, failures, total);
        }
        return new RetentionReport(deleted, deletedBytes, skippedLeased, failures, total,
                total > policy.quotaBytes());
    }

    private int finishInterruptedDeletions() {
        int failures = 0;
        for (RecordingSegment segment : index.findMarkedDeleting()) {
            if (!removeFileAndRow(segment)) {
                failures++;
            }
        }
        return failures;
    }

    /** Marks, deletes the file, removes the row; false when the file could not be deleted. */
    private boolean delete(RecordingSegment segment) {
        if (!index.markDeleting(segment.id())) {
            return false; // deleted meanwhile by someone else
        }
        return removeFileAndRow(segment);
    }

    private boolean removeFileAndRow(RecordingSegment segment) {
        Path file = dataDir.resolve(segment.path());
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("retention could not delete {} (kept, retried next run): {}", file, e.toString());
            return false;
        }
        index.remove(segment.id());
        removeIfEmpty(file.getParent());
        return true;
    }

    private static void removeIfEmpty(Path directory) {
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException e) {
            // still holds segments
        } catch (IOException e) {
            LOG.debug("could not remove directory {}: {}", directory, e.toString());
        }
    }
}
