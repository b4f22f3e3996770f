package io.gbgate.media.fmp4;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Writes ISO BMFF boxes (ISO/IEC 14496-12 4.2) into a {@link ByteBuf}: {@link #open} writes a
 * box header with a placeholder size, {@link #close} patches the size of the innermost open box.
 * Fields are written with the typed methods; nothing else touches the buffer. Not thread-safe.
 */
final class BoxWriter {
    private static final int MAX_DEPTH = 16;

    private final ByteBuf out;
    private final int[] openBoxes = new int[MAX_DEPTH];
    private int depth;

    BoxWriter(ByteBuf out) {
        this.out = out;
    }

    /** Opens a plain box of {@code type} (a four-character code). */
    BoxWriter open(int type) {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("boxes nested deeper than " + MAX_DEPTH);
        }
        openBoxes[depth++] = out.writerIndex();
        out.writeInt(0);
        out.writeInt(type);
        return this;
    }

    /** Opens a full box: header, then version (8 bits) and flags (24 bits). */
    BoxWriter openFull(int type, int version, int flags) {
        open(type);
        out.writeByte(version);
        out.writeMedium(flags);
        return this;
    }

    /** Closes the innermost open box, writing its size. */
    BoxWriter close() {
        if (depth == 0) {
            throw new IllegalStateException("no open box");
        }
        int start = openBoxes[--depth];
        out.setInt(start, out.writerIndex() - start);
        return this;
    }

    BoxWriter u8(int value) {
        out.writeByte(value);
        return this;
    }

    BoxWriter u16(int value) {
        out.writeShort(value);
        return this;
    }

    BoxWriter u24(int value) {
        out.writeMedium(value);
        return this;
    }

    BoxWriter u32(long value) {
        out.writeInt((int) value);
        return this;
    }

    BoxWriter u64(long value) {
        out.writeLong(value);
        return this;
    }

    /** A four-character code. */
    BoxWriter fourcc(int code) {
        out.writeInt(code);
        return this;
    }

    BoxWriter zeros(int count) {
        out.writeZero(count);
        return this;
    }

    BoxWriter bytes(ByteBuf source, int index, int length) {
        out.writeBytes(source, index, length);
        return this;
    }

    /** A 16.16 fixed-point number. */
    BoxWriter fixed16(int integer) {
        out.writeInt(integer << 16);
        return this;
    }

    /** The unity transformation matrix of mvhd/tkhd. */
    BoxWriter unityMatrix() {
        int[] matrix = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};
        for (int value : matrix) {
            out.writeInt(value);
        }
        return this;
    }

    /** A null-terminated UTF-8 string. */
    BoxWriter cString(String value) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.writeByte(0);
        return this;
    }

    /** Index at which the next byte will be written (for fields patched later). */
    int position() {
        return out.writerIndex();
    }

    /** Overwrites a 32-bit field written earlier at {@code index}. */
    void patchU32(int index, long value) {
        out.setInt(index, (int) value);
    }

    ByteBuf buffer() {
        return out;
    }

    /** The four-character code {@code code} as an int (big-endian ASCII). */
    static int fourcc(String code) {
        if (code.length() != 4) {
            throw new IllegalArgumentException("not a four-character code: " + code);
        }
        return code.charAt(0) << 24 | code.charAt(1) << 16 | code.charAt(2) << 8 | code.charAt(3);
    }
}
