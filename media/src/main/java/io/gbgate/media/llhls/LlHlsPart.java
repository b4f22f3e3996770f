package io.gbgate.media.llhls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Objects;

/**
 * One published partial segment: a single fMP4 fragment (moof + mdat) of whole samples.
 * Heap bytes, never released, so it can be served from any thread while anyone holds it.
 *
 * @param position           parent segment and index
 * @param durationTicks      sum of the sample durations (90 kHz)
 * @param independent        starts with a keyframe (INDEPENDENT=YES)
 * @param data               the fragment (wrapped read-only and unreleasable)
 * @param firstUnitNanos     {@link System#nanoTime()} when the part's first access unit arrived
 * @param lastUnitNanos      when its last access unit arrived
 * @param publishedNanos     when the part became fetchable
 */
public record LlHlsPart(PartPosition position, long durationTicks, boolean independent, ByteBuf data,
                        long firstUnitNanos, long lastUnitNanos, long publishedNanos) {

    public LlHlsPart {
        Objects.requireNonNull(position, "position");
        if (durationTicks <= 0) {
            throw new IllegalArgumentException("part without duration: " + durationTicks);
        }
        data = Unpooled.unreleasableBuffer(data.asReadOnly());
    }

    /** A fresh view with its own indices. */
    @Override
    public ByteBuf data() {
        return data.duplicate();
    }

    public int size() {
        return data.readableBytes();
    }

    public double durationSeconds() {
        return durationTicks / 90_000.0;
    }

    public String fileName() {
        return LlHlsNames.part(position);
    }
}
