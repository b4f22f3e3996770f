package io.gbgate.media.llhls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One fMP4 initialization segment (ftyp + moov) of an {@link LlHlsOutput}; a new one follows
 * each change of the stream's parameter sets. Heap bytes, never released, served from any thread.
 *
 * @param id   0 for the first, then counting up; the playlist names it {@code init<id>.mp4}
 * @param data the bytes (wrapped read-only and unreleasable)
 */
public record InitSection(int id, ByteBuf data) {
    public InitSection {
        if (id < 0) {
            throw new IllegalArgumentException("negative init section id " + id);
        }
        data = Unpooled.unreleasableBuffer(data.asReadOnly());
    }

    static InitSection of(int id, byte[] bytes) {
        return new InitSection(id, Unpooled.wrappedBuffer(bytes));
    }

    /** A fresh view with its own indices. */
    @Override
    public ByteBuf data() {
        return data.duplicate();
    }

    public String fileName() {
        return LlHlsNames.init(id);
    }
}
