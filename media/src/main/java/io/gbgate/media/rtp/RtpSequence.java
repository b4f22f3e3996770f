package io.gbgate.media.rtp;

/** Arithmetic on 16-bit RTP sequence numbers (RFC 3550 wraparound rules). */
final class RtpSequence {
    /** Forward jumps of at least this many packets are treated as a possible source restart. */
    static final int MAX_DROPOUT = 3000;
    /** Backward jumps of more than this many packets are treated as a possible source restart. */
    static final int MAX_MISORDER = 100;
    static final int MODULUS = 1 << 16;

    private RtpSequence() {
    }

    /** Signed distance from {@code from} to {@code to}, in -32768..32767. */
    static int distance(int from, int to) {
        return (short) (to - from);
    }

    /** {@code seq + n} modulo 2^16. */
    static int add(int seq, int n) {
        return (seq + n) & 0xFFFF;
    }
}
