package io.gbgate.media.codec;

import java.io.ByteArrayOutputStream;

/** Test helper: writes bits and Exp-Golomb codes, then escapes the result as a NAL unit payload. */
final class BitWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int current;
    private int bitCount;

    BitWriter bits(long value, int n) {
        for (int i = n - 1; i >= 0; i--) {
            bit((int) (value >>> i) & 1);
        }
        return this;
    }

    BitWriter flag(boolean value) {
        return bit(value ? 1 : 0);
    }

    BitWriter bit(int bit) {
        current = (current << 1) | bit;
        if (++bitCount == 8) {
            bytes.write(current);
            current = 0;
            bitCount = 0;
        }
        return this;
    }

    BitWriter ue(long value) {
        long codePlusOne = value + 1;
        int length = 64 - Long.numberOfLeadingZeros(codePlusOne);
        bits(0, length - 1);
        return bits(codePlusOne, length);
    }

    BitWriter se(int value) {
        return ue(value > 0 ? 2L * value - 1 : -2L * value);
    }

    /** Appends rbsp_trailing_bits and returns the RBSP. */
    byte[] rbsp() {
        bit(1);
        while (bitCount != 0) {
            bit(0);
        }
        return bytes.toByteArray();
    }

    /** The RBSP with emulation prevention bytes inserted, behind the given NAL header bytes. */
    byte[] nal(int... header) {
        byte[] rbsp = rbsp();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int h : header) {
            out.write(h);
        }
        int zeros = 0;
        for (byte b : rbsp) {
            if (zeros >= 2 && (b & 0xFF) <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }
}
