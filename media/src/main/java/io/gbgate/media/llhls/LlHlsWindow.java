package io.gbgate.media.llhls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Immutable snapshot of an {@link LlHlsOutput}: the retained segments (oldest first; the last
 * one may still be open), the init sections they need, the longest segment and part seen (the
 * advertised targets never shrink) and whether the stream ended. Replaced as a whole on every
 * part, so readers need no lock.
 *
 * @param segments         retained segments, oldest first; only the last may be incomplete
 * @param inits            init sections referenced by the retained segments, plus the newest
 * @param longestSegmentTicks longest complete segment so far
 * @param longestPartTicks longest part so far
 * @param ended            the stream ended: every segment is complete, no part will follow
 */
record LlHlsWindow(List<LlHlsSegment> segments, List<InitSection> inits, long longestSegmentTicks,
                   long longestPartTicks, boolean ended) {

    static final LlHlsWindow EMPTY = new LlHlsWindow(List.of(), List.of(), 0, 0, false);

    LlHlsWindow {
        segments = List.copyOf(segments);
        inits = List.copyOf(inits);
    }

    /** The position of the newest part, or empty before the first. */
    Optional<PartPosition> latestPart() {
        return segments.isEmpty() ? Optional.empty() : Optional.of(last().lastPart().position());
    }

    /** The position the next part will get, given whether the open segment goes on. */
    PartPosition nextPart() {
        if (segments.isEmpty()) {
            return new PartPosition(0, 0);
        }
        LlHlsSegment last = last();
        return last.complete() ? new PartPosition(last.msn() + 1, 0)
                : new PartPosition(last.msn(), last.parts().size());
    }

    /** A part at or after {@code target} is published (or none ever will be). */
    boolean satisfies(PartPosition target) {
        return ended || latestPart().map(latest -> latest.isAtOrAfter(target)).orElse(false);
    }

    /** The newest complete segment's sequence number, or -1 before the first. */
    long lastCompleteMsn() {
        if (segments.isEmpty()) {
            return -1;
        }
        LlHlsSegment last = last();
        return last.complete() ? last.msn() : last.msn() - 1;
    }

    /** EXT-X-MEDIA-SEQUENCE: the first retained segment. */
    long mediaSequence() {
        return segments.isEmpty() ? 0 : segments.get(0).msn();
    }

    Optional<LlHlsSegment> segment(long msn) {
        if (segments.isEmpty() || msn < mediaSequence() || msn > last().msn()) {
            return Optional.empty();
        }
        return Optional.of(segments.get((int) (msn - mediaSequence())));
    }

    Optional<LlHlsPart> part(PartPosition position) {
        return segment(position.msn()).flatMap(s -> s.part(position.part()));
    }

    Optional<InitSection> init(int id) {
        return inits.stream().filter(i -> i.id() == id).findFirst();
    }

    LlHlsWindow withInit(InitSection init) {
        List<InitSection> next = new ArrayList<>(inits);
        next.add(init);
        return new LlHlsWindow(segments, next, longestSegmentTicks, longestPartTicks, ended);
    }

    /** Adds {@code part} to the open segment, or opens {@code opened} with it when given. */
    LlHlsWindow withPart(LlHlsPart part, LlHlsSegment opened, int capacity) {
        List<LlHlsSegment> next = new ArrayList<>(segments.size() + 1);
        next.addAll(segments);
        if (opened != null) {
            next.add(opened);
        } else {
            next.set(next.size() - 1, last().withPart(part));
        }
        return new LlHlsWindow(trim(next, capacity), inits, longestSegmentTicks,
                Math.max(longestPartTicks, part.durationTicks()), ended);
    }

    /** Marks the open segment complete. */
    LlHlsWindow withSegmentCompleted() {
        if (segments.isEmpty() || last().complete()) {
            return this;
        }
        List<LlHlsSegment> next = new ArrayList<>(segments);
        LlHlsSegment done = last().completed();
        next.set(next.size() - 1, done);
        return new LlHlsWindow(next, inits, Math.max(longestSegmentTicks, done.durationTicks()),
                longestPartTicks, ended);
    }

    LlHlsWindow end() {
        LlHlsWindow done = withSegmentCompleted();
        return new LlHlsWindow(done.segments, inits, done.longestSegmentTicks, longestPartTicks, true);
    }

    LlHlsSegment last() {
        return segments.get(segments.size() - 1);
    }

    /**
     * Keeps {@code capacity} complete segments plus an open one, and the init sections still
     * referenced (and the newest, which the next segment will use).
     */
    private List<LlHlsSegment> trim(List<LlHlsSegment> all, int capacity) {
        int open = all.isEmpty() || all.get(all.size() - 1).complete() ? 0 : 1;
        int drop = Math.max(0, all.size() - capacity - open);
        return drop == 0 ? all : all.subList(drop, all.size());
    }

    /** The init sections the retained segments use, and the newest. */
    LlHlsWindow withoutUnusedInits() {
        if (inits.size() <= 1) {
            return this;
        }
        int newest = inits.get(inits.size() - 1).id();
        List<InitSection> used = inits.stream()
                .filter(i -> i.id() == newest || segments.stream().anyMatch(s -> s.initId() == i.id())).toList();
        return used.size() == inits.size() ? this
                : new LlHlsWindow(segments, used, longestSegmentTicks, longestPartTicks, ended);
    }
}
