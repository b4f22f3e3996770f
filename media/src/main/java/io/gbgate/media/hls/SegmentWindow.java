package io.gbgate.media.hls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Immutable snapshot of the live window: the retained segments (oldest first), the longest
 * duration seen so far (the target duration must not shrink while a stream lives) and whether
 * the stream has ended. Replaced as a whole when a segment completes, so readers need no lock.
 */
record SegmentWindow(List<HlsSegment> segments, long segmentsPublished, double longestSeconds, boolean ended) {

    static final SegmentWindow EMPTY = new SegmentWindow(List.of(), 0, 0, false);

    SegmentWindow {
        segments = List.copyOf(segments);
    }

    /** A window with {@code segment} appended and the oldest dropped beyond {@code capacity}. */
    SegmentWindow with(HlsSegment segment, int capacity) {
        List<HlsSegment> next = new ArrayList<>(Math.min(segments.size() + 1, capacity));
        int keepFrom = Math.max(0, segments.size() + 1 - capacity);
        next.addAll(segments.subList(keepFrom, segments.size()));
        next.add(segment);
        return new SegmentWindow(next, segmentsPublished + 1,
                Math.max(longestSeconds, segment.durationSeconds()), ended);
    }

    SegmentWindow end() {
        return new SegmentWindow(segments, segmentsPublished, longestSeconds, true);
    }

    /** EXT-X-MEDIA-SEQUENCE: the first retained segment, or the next one to come. */
    long mediaSequence() {
        return segments.isEmpty() ? segmentsPublished : segments.get(0).sequence();
    }

    Optional<HlsSegment> find(long sequence) {
        long first = mediaSequence();
        if (segments.isEmpty() || sequence < first || sequence >= first + segments.size()) {
            return Optional.empty();
        }
        return Optional.of(segments.get((int) (sequence - first)));
    }
}
