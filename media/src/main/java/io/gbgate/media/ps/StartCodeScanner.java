package io.gbgate.media.ps;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Finds 00 00 01 start code prefixes with {@link ByteBuf#forEachByte}, one bulk call per search
 * instead of one accessor call per byte (which matters for direct buffers and leak-tracked ones).
 * Reusable, not thread-safe.
 */
final class StartCodeScanner implements ByteProcessor {
    private int zeros;

    /**
     * Index of the first byte of the next 00 00 01 in [from, to), or -1. A 4-byte start code is
     * found as its last three bytes.
     */
    int find(ByteBuf buf, int from, int to) {
        if (to - from < 3) {
            return -1;
        }
        zeros = 0;
        int index = buf.forEachByte(from, to - from, this);
        return index < 0 ? -1 : index - 2;
    }

    @Override
    public boolean process(byte value) {
        if (value == 0) {
            zeros++;
            return true;
        }
        if (value == 1 && zeros >= 2) {
            return false;
        }
        zeros = 0;
        return true;
    }
}
