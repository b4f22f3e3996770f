package io.gbgate.storage.recording;

/**
 * Counters of a {@link SegmentWriter}.
 *
 * @param segmentsWritten segments on disk and indexed
 * @param bytesWritten    bytes of those segments
 * @param segmentsDropped segments dropped because the queue was full or the writer closed
 * @param writeFailures   segments that could not be written or indexed (their files are removed)
 * @param queued          segments waiting for the disk right now
 */
public record WriterStats(long segmentsWritten, long bytesWritten, long segmentsDropped, long writeFailures,
                          int queued) {
}
