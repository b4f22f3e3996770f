package io.gbgate.media.rtp;

import java.util.BitSet;

/**
 * Hands out UDP ports for dedicated per-stream RTP receivers from a configured range.
 *
 * <p>Only even ports are handed out (RFC 3550 section 11: RTP on an even port, the odd one above
 * it left for RTCP). Allocation is next-fit: the search starts after the port handed out last and
 * wraps around, so a freed port is reused only after the rest of the range has been offered. That
 * keeps late packets of a finished stream from landing on the stream that follows it on the same
 * port, while every freed port is still reused. All methods are thread-safe.
 */
public final class RtpPortRange {
    private final int first;
    private final int last;
    private final BitSet inUse;
    private final int slots;
    private int cursor;
    private int allocated;

    /**
     * A range from {@code first} to {@code last} inclusive; an odd {@code first} is rounded up.
     *
     * @throws IllegalArgumentException when the range holds no even port within 1..65535
     */
    public RtpPortRange(int first, int last) {
        int evenFirst = first + (first & 1);
        if (first < 1 || last > 65535 || evenFirst > last) {
            throw new IllegalArgumentException(
                    "RTP port range must hold an even port within 1..65535, got " + first + ".." + last);
        }
        this.first = evenFirst;
        this.last = last;
        this.slots = (last - evenFirst) / 2 + 1;
        this.inUse = new BitSet(slots);
    }

    /**
     * Reserves a free port.
     *
     * @throws IllegalStateException when every port of the range is in use
     */
    public synchronized int allocate() {
        if (allocated == slots) {
            throw new IllegalStateException("all " + slots + " RTP ports of " + first + ".." + last
                    + " are in use");
        }
        int slot = inUse.nextClearBit(cursor);
        if (slot >= slots) {
            slot = inUse.nextClearBit(0);
        }
        inUse.set(slot);
        allocated++;
        cursor = (slot + 1) % slots;
        return first + 2 * slot;
    }

    /**
     * Returns {@code port} to the range.
     *
     * @throws IllegalArgumentException when {@code port} is not a port of this range or not in use
     */
    public synchronized void release(int port) {
        int slot = slotOf(port);
        if (!inUse.get(slot)) {
            throw new IllegalArgumentException("RTP port " + port + " is not allocated");
        }
        inUse.clear(slot);
        allocated--;
    }

    /** Ports currently allocated. */
    public synchronized int inUse() {
        return allocated;
    }

    /** Number of ports the range can hand out. */
    public int capacity() {
        return slots;
    }

    public int first() {
        return first;
    }

    public int last() {
        return last;
    }

    private int slotOf(int port) {
        if (port < first || port > last || ((port - first) & 1) != 0) {
            throw new IllegalArgumentException("port " + port + " is not an RTP port of " + first + ".." + last);
        }
        return (port - first) / 2;
    }
}
