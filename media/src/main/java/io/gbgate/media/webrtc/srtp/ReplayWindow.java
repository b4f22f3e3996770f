package io.gbgate.media.webrtc.srtp;

/**
 * The sliding replay window of RFC 3711 section 3.3.2: remembers which of the last 64 packet
 * indices were accepted. Not thread-safe.
 */
final class ReplayWindow {
    private static final int SIZE = 64;

    private long highest = -1;
    private long seen;

    /** True when {@code index} is new and not too old to judge. */
    boolean isFresh(long index) {
        if (index > highest) {
            return true;
        }
        long behind = highest - index;
        return behind < SIZE && (seen & (1L << behind)) == 0;
    }

    /** Records {@code index} as received (after its tag verified). */
    void accept(long index) {
        if (index > highest) {
            long shift = highest < 0 ? SIZE : index - highest;
            seen = shift >= SIZE ? 1L : (seen << shift) | 1L;
            highest = index;
        } else {
            seen |= 1L << (highest - index);
        }
    }
}
