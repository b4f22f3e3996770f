package io.gbgate.media.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * Reads bits most significant first from an RBSP (raw byte sequence payload), including the
 * Exp-Golomb codes of H.264 and H.265: {@code ue(v)} and {@code se(v)}.
 *
 * <p>The reader works on bytes from which the emulation prevention bytes have already been
 * removed; {@link #fromNal(ByteBuf)} and {@link #toRbsp(ByteBuf, int, int)} do that. Reading past
 * the end throws {@link MalformedBitstreamException}; it never returns made-up zeros.
 */
public final class BitReader {
    /** An Exp-Golomb code with more leading zeros than this cannot encode a 32-bit value. */
    private static final int MAX_EXP_GOLOMB_LEADING_ZEROS = 31;

    private final byte[] data;
    private final long bitLimit;
    private long bitPosition;

    /** Reader over all of {@code rbsp}, which must already be free of emulation prevention. */
    public BitReader(byte[] rbsp) {
        this(rbsp, rbsp.length);
    }

    /** Reader over the first {@code length} bytes of {@code rbsp}. */
    public BitReader(byte[] rbsp, int length) {
        if (length < 0 || length > rbsp.length) {
            throw new IllegalArgumentException("length " + length + " outside 0.." + rbsp.length);
        }
        this.data = rbsp;
        this.bitLimit = 8L * length;
    }

    /** Reader over the readable bytes of an escaped NAL unit (header included), unescaped first. */
    public static BitReader fromNal(ByteBuf nal) {
        return new BitReader(toRbsp(nal, nal.readerIndex(), nal.writerIndex()));
    }

    /**
     * Copies {@code buf[from, to)} dropping every emulation prevention byte, that is each 0x03
     * that follows two zero bytes (H.264 7.4.1, H.265 7.4.2).
     */
    public static byte[] toRbsp(ByteBuf buf, int from, int to) {
        if (from < 0 || to < from || to > buf.capacity()) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to);
        }
        byte[] out = new byte[to - from];
        int length = 0;
        int zeros = 0;
        for (int i = from; i < to; i++) {
            byte b = buf.getByte(i);
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[length++] = b;
        }
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    /** {@link #toRbsp(ByteBuf, int, int)} over a whole array. */
    public static byte[] toRbsp(byte[] escaped) {
        return toRbsp(Unpooled.wrappedBuffer(escaped), 0, escaped.length);
    }

    public long bitPosition() {
        return bitPosition;
    }

    public long bitsRemaining() {
        return bitLimit - bitPosition;
    }

    public boolean readFlag() {
        return readBit() == 1;
    }

    public int readBit() {
        require(1);
        int bit = (data[(int) (bitPosition >>> 3)] >> (7 - (int) (bitPosition & 7))) & 1;
        bitPosition++;
        return bit;
    }

    /** Unsigned {@code u(n)} for n in 0..31. */
    public int readBits(int n) {
        if (n < 0 || n > 31) {
            throw new IllegalArgumentException("readBits supports 0..31 bits, not " + n);
        }
        return (int) readBitsLong(n);
    }

    /** Unsigned {@code u(n)} for n in 0..63, for example the 32-bit VUI timing fields. */
    public long readBitsLong(int n) {
        if (n < 0 || n > 63) {
            throw new IllegalArgumentException("readBitsLong supports 0..63 bits, not " + n);
        }
        require(n);
        long value = 0;
        for (int i = 0; i < n; i++) {
            value = (value << 1) | readBit();
        }
        return value;
    }

    public void skipBits(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot skip " + n + " bits");
        }
        require(n);
        bitPosition += n;
    }

    /** Unsigned Exp-Golomb {@code ue(v)}; values above {@link Integer#MAX_VALUE} are rejected. */
    public int readUe() {
        int leadingZeros = 0;
        while (readBit() == 0) {
            leadingZeros++;
            if (leadingZeros > MAX_EXP_GOLOMB_LEADING_ZEROS) {
                throw new MalformedBitstreamException("Exp-Golomb code with more than "
                        + MAX_EXP_GOLOMB_LEADING_ZEROS + " leading zeros at bit " + bitPosition);
            }
        }
        long value = (1L << leadingZeros) - 1 + readBitsLong(leadingZeros);
        if (value > Integer.MAX_VALUE) {
            throw new MalformedBitstreamException("Exp-Golomb value " + value + " too large at bit " + bitPosition);
        }
        return (int) value;
    }

    /** Signed Exp-Golomb {@code se(v)}: 0, 1, -1, 2, -2, ... */
    public int readSe() {
        int codeNum = readUe();
        int magnitude = (int) ((codeNum + 1L) >>> 1);
        return (codeNum & 1) == 1 ? magnitude : -magnitude;
    }

    /** {@link #readUe()} checked against an inclusive upper bound taken from the specification. */
    public int readUe(String field, int max) {
        int value = readUe();
        if (value > max) {
            throw new MalformedBitstreamException(field + " = " + value + " exceeds " + max);
        }
        return value;
    }

    private void require(long bits) {
        if (bitPosition + bits > bitLimit) {
            throw new MalformedBitstreamException("bitstream truncated: need " + bits + " bits at bit "
                    + bitPosition + " of " + bitLimit);
        }
    }
}
