package io.gbgate.storage.recording;

import java.util.List;

/**
 * What one {@link RetentionJob} run did.
 *
 * @param deleted        segments deleted, oldest first
 * @param deletedBytes   their total size
 * @param skippedLeased  segments that were due but kept because a reader held them
 * @param failures       segments whose file could not be deleted (kept, retried next run)
 * @param bytesRemaining size of all recordings after the run
 * @param overQuota      whether the recordings still exceed the quota (e.g. everything left is leased or recent)
 */
public record RetentionReport(List<RecordingSegment> deleted, long deletedBytes, int skippedLeased, int failures,
                              long bytesRemaining, boolean overQuota) {

    /** Copies the list. */
    public RetentionReport {
        deleted = List.copyOf(deleted);
    }
}
