package io.gbgate.media.fmp4;

import io.gbgate.media.codec.NalUnits;
import io.netty.buffer.ByteBuf;

/**
 * Walks the NAL units of an Annex B buffer in place, without copying or allocating: after each
 * successful {@link #next()}, {@link #start()} is the index of the NAL header byte and {@link #end()}
 * the index just past the NAL unit, with the zero bytes that belong to the following 4-byte
 * start code (or trailing_zero_8bits) trimmed. Reusable: call {@link #reset} per buffer. Not
 * thread-safe.
 */
public final class AnnexBCursor {
    private ByteBuf buf;
    private int limit;
    private int nextStartCode;
    private int start;
    private int end;

    /** Positions the cursor before the first NAL unit of {@code annexB}'s readable bytes. */
    public AnnexBCursor reset(ByteBuf annexB) {
        this.buf = annexB;
        this.limit = annexB.writerIndex();
        this.nextStartCode = NalUnits.findStartCode(annexB, annexB.readerIndex(), limit);
        return this;
    }

    /** Advances to the next non-empty NAL unit; false when there is none. */
    public boolean next() {
        while (nextStartCode >= 0) {
            int nalStart = nextStartCode + 3;
            int following = NalUnits.findStartCode(buf, nalStart, limit);
            int nalEnd = following < 0 ? limit : following;
            while (nalEnd > nalStart && buf.getByte(nalEnd - 1) == 0) {
                nalEnd--;
            }
            nextStartCode = following;
            if (nalEnd > nalStart) {
                start = nalStart;
                end = nalEnd;
                return true;
            }
        }
        return false;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int length() {
        return end - start;
    }

    /** The first byte of the NAL header (type bits depend on the codec). */
    public int headerByte() {
        return buf.getByte(start) & 0xFF;
    }
}
