package io.gbgate.media.ts;

import io.netty.buffer.ByteBuf;

/**
 * The bytes of one PES packet as a cursor over three parts without copying them together:
 * the PES header, an optional prefix (an access unit delimiter the muxer inserts) and the
 * access unit payload. One instance is reused for every access unit of a muxer.
 */
final class PesPayload {
    private final byte[] header = new byte[PesHeader.MAX_SIZE];
    private int headerLength;
    private byte[] prefix;
    private ByteBuf data;
    private int dataStart;
    private int dataLength;
    private int position;

    byte[] headerArray() {
        return header;
    }

    /** Starts a new PES; {@code header} must already hold {@code headerLength} bytes. */
    void reset(int headerLength, byte[] prefixOrNull, ByteBuf data) {
        this.headerLength = headerLength;
        this.prefix = prefixOrNull;
        this.data = data;
        this.dataStart = data.readerIndex();
        this.dataLength = data.readableBytes();
        this.position = 0;
    }

    int remaining() {
        return headerLength + prefixLength() + dataLength - position;
    }

    /** Copies the next {@code n} bytes into {@code out}; the source buffer's indices are untouched. */
    void copyTo(ByteBuf out, int n) {
        int left = n;
        while (left > 0) {
            int prefixEnd = headerLength + prefixLength();
            int chunk;
            if (position < headerLength) {
                chunk = Math.min(left, headerLength - position);
                out.writeBytes(header, position, chunk);
            } else if (position < prefixEnd) {
                chunk = Math.min(left, prefixEnd - position);
                out.writeBytes(prefix, position - headerLength, chunk);
            } else {
                chunk = left;
                out.writeBytes(data, dataStart + position - prefixEnd, chunk);
            }
            position += chunk;
            left -= chunk;
        }
    }

    /** Drops the reference to the access unit's buffer once it is written. */
    void clear() {
        data = null;
        prefix = null;
    }

    private int prefixLength() {
        return prefix == null ? 0 : prefix.length;
    }
}
