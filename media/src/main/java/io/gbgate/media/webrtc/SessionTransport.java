package io.gbgate.media.webrtc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One session's view of the shared UDP socket: where its browser is (the nominated pair, else
 * the last validated one; DTLS answers go where DTLS came from) and how datagrams reach it.
 */
final class SessionTransport implements PacketTransmitter {
    private final Channel channel;
    private final WebRtcServer server;
    private final AtomicLong dropped = new AtomicLong();
    private volatile InetSocketAddress validatedPeer;
    private volatile InetSocketAddress nominatedPeer;
    private volatile InetSocketAddress dtlsPeer;

    SessionTransport(Channel channel, WebRtcServer server) {
        this.channel = channel;
        this.server = server;
    }

    ByteBufAllocator allocator() {
        return channel.alloc();
    }

    void peerValidated(InetSocketAddress peer, boolean nominated) {
        validatedPeer = peer;
        if (nominated) {
            nominatedPeer = peer;
        }
    }

    void dtlsFrom(InetSocketAddress peer) {
        dtlsPeer = peer;
    }

    /** Where media goes: the nominated pair, else the last validated address, else null. */
    InetSocketAddress mediaPeer() {
        InetSocketAddress nominated = nominatedPeer;
        return nominated != null ? nominated : validatedPeer;
    }

    /** Datagrams dropped because no peer was known or the socket's outbound buffer was full. */
    long droppedDatagrams() {
        return dropped.get();
    }

    /** DTLS output: copies the record into a pooled buffer and sends it at once. */
    void sendDtls(byte[] data, int offset, int length) {
        InetSocketAddress peer = dtlsPeer != null ? dtlsPeer : mediaPeer();
        if (peer == null) {
            dropped.incrementAndGet();
            return;
        }
        ByteBuf datagram = channel.alloc().buffer(length).writeBytes(data, offset, length);
        channel.writeAndFlush(new DatagramPacket(datagram, peer), channel.voidPromise());
    }

    @Override
    public void write(ByteBuf datagram) {
        InetSocketAddress peer = mediaPeer();
        if (peer == null || !channel.isWritable()) {
            dropped.incrementAndGet();
            datagram.release();
            return;
        }
        channel.write(new DatagramPacket(datagram, peer), channel.voidPromise());
    }

    @Override
    public void flush() {
        channel.flush();
    }

    void closed(WebRtcSession session) {
        server.forget(session);
    }
}
