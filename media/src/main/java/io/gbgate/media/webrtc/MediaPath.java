package io.gbgate.media.webrtc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * One way to reach a session's browser: an address on the shared UDP socket, or an ICE-TCP
 * connection (whose pipeline adds the RFC 4571 length prefix).
 */
sealed interface MediaPath {

    /** The browser's address as seen by the server (for XOR-MAPPED-ADDRESS and logs). */
    InetSocketAddress remote();

    /** Whether the channel takes more without going above its high-water mark. */
    boolean writable();

    /** Queues {@code packet} (ownership passes) without flushing. */
    void write(ByteBuf packet);

    void flush();

    /** A browser address on the shared UDP socket. */
    record Udp(Channel channel, InetSocketAddress remote) implements MediaPath {
        @Override
        public boolean writable() {
            return channel.isWritable();
        }

        @Override
        public void write(ByteBuf packet) {
            channel.write(new DatagramPacket(packet, remote), channel.voidPromise());
        }

        @Override
        public void flush() {
            channel.flush();
        }
    }

    /** An ICE-TCP connection bound to the session. */
    record Tcp(Channel channel) implements MediaPath {
        @Override
        public InetSocketAddress remote() {
            return (InetSocketAddress) channel.remoteAddress();
        }

        @Override
        public boolean writable() {
            return channel.isWritable();
        }

        @Override
        public void write(ByteBuf packet) {
            channel.write(packet, channel.voidPromise());
        }

        @Override
        public void flush() {
            channel.flush();
        }
    }
}
