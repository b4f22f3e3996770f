package io.gbgate.gateway.stream;

import io.gbgate.sip.id.GbDomain;
import io.gbgate.sip.sdp.Ssrc;
import java.util.BitSet;

/**
 * SSRCs as GB28181 writes them: {@code 0} (live) or {@code 1} (playback, download), five domain
 * digits, a four-digit sequence. Streams on the shared UDP port are told apart by SSRC, so there
 * the sequence is reserved while the stream runs ({@link #reserve}); once the shared port's space
 * of that kind is used up, further UDP streams get a port of their own, where any SSRC will do
 * ({@link #any}), as for TCP streams. Nothing caps the number of streams at the 9,999 sequences.
 */
public final class SsrcAllocator {
    private final GbDomain domain;
    private final int sharedCapacity;
    private final Sequences live = new Sequences();
    private final Sequences history = new Sequences();

    /** @param sharedCapacity how many SSRCs of each kind the shared port hands out at most (1 to 9,999) */
    public SsrcAllocator(GbDomain domain, int sharedCapacity) {
        if (sharedCapacity < 1 || sharedCapacity > Ssrc.MAX_SEQUENCE) {
            throw new IllegalArgumentException("shared SSRC capacity must be 1.." + Ssrc.MAX_SEQUENCE + ": "
                    + sharedCapacity);
        }
        this.domain = domain;
        this.sharedCapacity = sharedCapacity;
    }

    /** An SSRC unique among the reserved ones of its kind, or null when the shared port's space is used up. */
    public synchronized Ssrc reserve(boolean historical) {
        int seq = (historical ? history : live).reserve(sharedCapacity);
        return seq < 0 ? null : make(historical, seq);
    }

    /** An SSRC for a stream that has a port or connection of its own (not reserved). */
    public synchronized Ssrc any(boolean historical) {
        Sequences kind = historical ? history : live;
        int seq = kind.nextAny;
        kind.nextAny = kind.nextAny % Ssrc.MAX_SEQUENCE + 1;
        return make(historical, seq);
    }

    /** Gives back an SSRC from {@link #reserve}. */
    public synchronized void release(Ssrc ssrc) {
        if (ssrc != null && ssrc.domainDigits().equals(domain.ssrcDigits())) {
            (ssrc.isLive() ? live : history).release(ssrc.sequence());
        }
    }

    private Ssrc make(boolean historical, int seq) {
        return historical ? Ssrc.history(domain, seq) : Ssrc.live(domain, seq);
    }

    /** The reserved sequences of one kind, and where the searches start. */
    private static final class Sequences {
        private final BitSet inUse = new BitSet(Ssrc.MAX_SEQUENCE + 1);
        private int reserved;
        private int next = 1;
        private int nextAny = 1;

        int reserve(int capacity) {
            if (reserved >= capacity) {
                return -1;
            }
            for (int tries = 0; tries < Ssrc.MAX_SEQUENCE; tries++) {
                int seq = next;
                next = next % Ssrc.MAX_SEQUENCE + 1;
                if (!inUse.get(seq)) {
                    inUse.set(seq);
                    reserved++;
                    return seq;
                }
            }
            return -1;
        }

        void release(int seq) {
            if (inUse.get(seq)) {
                inUse.clear(seq);
                reserved--;
            }
        }
    }
}
