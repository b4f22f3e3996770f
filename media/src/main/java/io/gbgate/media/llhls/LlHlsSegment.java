package io.gbgate.media.llhls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A media segment of an {@link LlHlsOutput}: the parts published for it so far, in order. Its
 * bytes are its parts' fragments one after another (no copy), so a complete segment is a CMAF
 * segment that starts with a keyframe.
 *
 * @param msn             media sequence number, 0 for the first segment of a stream
 * @param initId          the {@link InitSection} its samples need
 * @param startTicks      decode time of its first sample (90 kHz, 0 at the stream's first keyframe)
 * @param parts           its parts (at least one)
 * @param complete        no part will be added any more
 */
public record LlHlsSegment(long msn, int initId, long startTicks, List<LlHlsPart> parts, boolean complete) {

    public LlHlsSegment {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("segment " + msn + " without parts");
        }
    }

    LlHlsSegment withPart(LlHlsPart part) {
        List<LlHlsPart> next = new ArrayList<>(parts.size() + 1);
        next.addAll(parts);
        next.add(part);
        return new LlHlsSegment(msn, initId, startTicks, next, false);
    }

    LlHlsSegment completed() {
        return new LlHlsSegment(msn, initId, startTicks, parts, true);
    }

    /** Wall-clock time of the first sample, given the wall-clock time of decode time 0. */
    public Instant programDateTime(long anchorMillis) {
        return Instant.ofEpochMilli(anchorMillis + startTicks / 90);
    }

    public long durationTicks() {
        long total = 0;
        for (LlHlsPart part : parts) {
            total += part.durationTicks();
        }
        return total;
    }

    public double durationSeconds() {
        return durationTicks() / 90_000.0;
    }

    public LlHlsPart lastPart() {
        return parts.get(parts.size() - 1);
    }

    public Optional<LlHlsPart> part(int index) {
        return index < parts.size() ? Optional.of(parts.get(index)) : Optional.empty();
    }

    /** The parts' bytes in a row, as one read-only buffer (a composite view, nothing copied). */
    public ByteBuf data() {
        ByteBuf[] views = new ByteBuf[parts.size()];
        for (int i = 0; i < views.length; i++) {
            views[i] = parts.get(i).data();
        }
        return Unpooled.wrappedBuffer(views.length, views).asReadOnly();
    }

    public String fileName() {
        return LlHlsNames.segment(msn);
    }
}
