package io.gbgate.storage.recording;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which recorded segments are being read right now (leased, e.g. by a clip export) and which are being deleted
 * (claimed by retention). A segment is never both: retention cannot claim a leased segment, and a claimed segment
 * cannot be leased. Leases are counted, so several readers can hold the same segment. Safe for concurrent use;
 * in-memory only (a restart ends every reader anyway).
 */
public final class SegmentLeases {

    private final Map<Long, Integer> leaseCounts = new HashMap<>();
    private final Set<Long> claimedForDeletion = new HashSet<>();

    /**
     * Leases the given segments. Segments that retention is deleting at this moment are left out of the lease;
     * {@link Lease#segments()} says which were leased.
     */
    public synchronized Lease acquire(Collection<RecordingSegment> segments) {
        Objects.requireNonNull(segments, "segments");
        List<RecordingSegment> leased = new ArrayList<>(segments.size());
        for (RecordingSegment segment : segments) {
            Long id = Objects.requireNonNull(segment.id(), "only indexed segments can be leased");
            if (!claimedForDeletion.contains(id)) {
                leaseCounts.merge(id, 1, Integer::sum);
                leased.add(segment);
            }
        }
        return new Lease(List.copyOf(leased));
    }

    /** Whether anyone holds a lease on the segment. */
    public synchronized boolean isLeased(long segmentId) {
        return leaseCounts.containsKey(segmentId);
    }

    /** Number of segments under lease. */
    public synchronized int leasedCount() {
        return leaseCounts.size();
    }

    /** Claims an unleased segment for deletion; false when it is leased (then it must be kept). */
    synchronized boolean claimForDeletion(long segmentId) {
        if (leaseCounts.containsKey(segmentId)) {
            return false;
        }
        claimedForDeletion.add(segmentId);
        return true;
    }

    /** Ends a deletion claim (the segment is gone, or deleting it failed). */
    synchronized void endDeletion(long segmentId) {
        claimedForDeletion.remove(segmentId);
    }

    private synchronized void release(List<RecordingSegment> segments) {
        for (RecordingSegment segment : segments) {
            leaseCounts.computeIfPresent(segment.id(), (id, count) -> count == 1 ? null : count - 1);
        }
    }

    /** A set of leased segments; closing it releases them. Closing twice releases once. */
    public final class Lease implements AutoCloseable {
        private final List<RecordingSegment> segments;
        private boolean released;

        private Lease(List<RecordingSegment> segments) {
            this.segments = segments;
        }

        /** The segments actually leased, in the order given. */
        public List<RecordingSegment> segments() {
            return segments;
        }

        @Override
        public void close() {
            synchronized (SegmentLeases.this) {
                if (released) {
                    return;
                }
                released = true;
                release(segments);
            }
        }
    }
}
