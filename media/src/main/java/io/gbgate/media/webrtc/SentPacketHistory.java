package io.gbgate.media.webrtc;

import io.netty.buffer.ByteBuf;

/**
 * The last protected RTP packets of one stream, by sequence number, for NACK retransmission. An
 * SRTP packet the receiver never got can be sent again unchanged. Thread-safe: the sender thread
 * stores, the network thread looks up.
 */
final class SentPacketHistory {
    private final ByteBuf[] packets;
    private final int[] sequences;
    private final int mask;
    private boolean closed;

    /** @param capacity a power of two: how many recent packets are kept */
    SentPacketHistory(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("history capacity must be a power of two: " + capacity);
        }
        this.packets = new ByteBuf[capacity];
        this.sequences = new int[capacity];
        this.mask = capacity - 1;
    }

    /** Keeps {@code packet} (takes over the caller's reference), dropping what it replaces. */
    synchronized void store(int sequence, ByteBuf packet) {
        if (closed) {
            packet.release();
            return;
        }
        int slot = sequence & mask;
        ByteBuf old = packets[slot];
        packets[slot] = packet;
        sequences[slot] = sequence;
        if (old != null) {
            old.release();
        }
    }

    /** A retained duplicate of packet {@code sequence} to send (the caller owns it), or null when gone. */
    synchronized ByteBuf retransmission(int sequence) {
        int slot = sequence & mask;
        ByteBuf packet = packets[slot];
        return packet != null && sequences[slot] == sequence ? packet.retainedDuplicate() : null;
    }

    /** Releases every packet; later stores are released at once. */
    synchronized void close() {
        closed = true;
        for (int i = 0; i < packets.length; i++) {
            if (packets[i] != null) {
                packets[i].release();
                packets[i] = null;
            }
        }
    }
}
