package io.gbgate.media.llhls;

/**
 * Where a part sits: its parent segment's media sequence number and its index in that segment.
 * Ordered as the parts are published, so "part M of segment N or later" is {@code compareTo >= 0}.
 *
 * @param msn  media sequence number of the parent segment
 * @param part index of the part in its parent segment, from 0
 */
public record PartPosition(long msn, int part) implements Comparable<PartPosition> {

    public PartPosition {
        if (msn < 0 || part < 0) {
            throw new IllegalArgumentException("negative part position " + msn + "." + part);
        }
    }

    @Override
    public int compareTo(PartPosition other) {
        int bySegment = Long.compare(msn, other.msn);
        return bySegment != 0 ? bySegment : Integer.compare(part, other.part);
    }

    public boolean isAtOrAfter(PartPosition other) {
        return compareTo(other) >= 0;
    }
}
