package io.gbgate.media.webrtc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How one session reaches its browser: the nominated path (else the last validated one; DTLS
 * answers go where DTLS came from), each path an address on the shared UDP socket or an ICE-TCP
 * connection. Media is dropped and counted, never queued further, while the path's channel is above
 * its high-water mark.
 */
final class SessionTransport implements PacketTransmitter {
    private final ByteBufAllocator allocator;
    private final WebRtcServer server;
    private final AtomicLong dropped = new AtomicLong();
    private volatile MediaPath validatedPeer;
    private volatile MediaPath nominatedPeer;
    private volatile MediaPath dtlsPeer;

    SessionTransport(ByteBufAllocator allocator, WebRtcServer server) {
        this.allocator = allocator;
        this.server = server;
    }

    ByteBufAllocator allocator() {
        return allocator;
    }

    void peerValidated(MediaPath peer, boolean nominated) {
        validatedPeer = peer;
        if (nominated) {
            nominatedPeer = peer;
        }
    }

    void dtlsFrom(MediaPath peer) {
        dtlsPeer = peer;
    }

    /** Where media goes: the nominated path, else the last validated one, else null. */
    MediaPath mediaPeer() {
        MediaPath nominated = nominatedPeer;
        return nominated != null ? nominated : validatedPeer;
    }

    /** True when {@code path} is the one media or DTLS currently use. */
    boolean uses(MediaPath path) {
        return path.equals(mediaPeer()) || path.equals(dtlsPeer);
    }

    /** Packets dropped because no path was known or its channel's outbound buffer was full. */
    long droppedDatagrams() {
        return dropped.get();
    }

    /** DTLS output: copies the record into a pooled buffer and sends it at once. */
    void sendDtls(byte[] data, int offset, int length) {
        MediaPath peer = dtlsPeer != null ? dtlsPeer : mediaPeer();
        if (peer == null) {
            dropped.incrementAndGet();
            return;
        }
        peer.write(allocator.buffer(length).writeBytes(data, offset, length));
        peer.flush();
    }

    @Override
    public void write(ByteBuf packet) {
        MediaPath peer = mediaPeer();
        if (peer == null || !peer.writable()) {
            dropped.incrementAndGet();
            packet.release();
            return;
        }
        peer.write(packet);
    }

    @Override
    public void flush() {
        MediaPath peer = mediaPeer();
        if (peer != null) {
            peer.flush();
        }
    }

    void closed(WebRtcSession session) {
        server.forget(session);
    }
}
