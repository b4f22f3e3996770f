package io.gbgate.media.rtp;

import io.gbgate.media.net.NettyTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends frames as RTP over UDP to one target, for the camera simulator (and later for pushing
 * streams to a device). {@link #send} packetizes on the caller's thread and hands the packets to
 * the channel's event loop; it never waits for the network. When the channel's outbound buffer
 * is above its high-water mark the whole frame is dropped and counted instead of queueing
 * without bound.
 */
public final class UdpRtpSender implements RtpSender {
    private static final Logger log = LoggerFactory.getLogger(UdpRtpSender.class);

    private final Channel channel;
    private final InetSocketAddress target;
    private final RtpPacketizer packetizer;
    private final Consumer<ByteBuf> writer = this::write;
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong framesDropped = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();

    private UdpRtpSender(Channel channel, InetSocketAddress target, RtpPacketizer packetizer) {
        this.channel = channel;
        this.target = target;
        this.packetizer = packetizer;
    }

    /**
     * Opens a sender on an ephemeral local port of {@code localHost}.
     *
     * @param group      an event loop group (epoll or NIO, see {@link NettyTransport})
     * @param localHost  local address to send from, e.g. "127.0.0.1" or "0.0.0.0"
     * @param target     where the packets go
     * @param ssrc       the stream's SSRC; packets use PT 96 and 1400-byte payloads from a pooled allocator
     * @throws UncheckedIOException when the local socket cannot be bound
     */
    public static UdpRtpSender open(EventLoopGroup group, String localHost, InetSocketAddress target, long ssrc) {
        return open(group, localHost, target, new RtpPacketizer(ssrc, PooledByteBufAllocator.DEFAULT));
    }

    /** Opens a sender that uses {@code packetizer} (which it then owns) for its packets. */
    public static UdpRtpSender open(EventLoopGroup group, String localHost, InetSocketAddress target,
                                    RtpPacketizer packetizer) {
        ErrorCounter errors = new ErrorCounter();
        ChannelFuture bound = new Bootstrap()
                .group(group)
                .channel(NettyTransport.datagramChannel(group))
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .handler(errors)
                .bind(localHost, 0)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            String what = "cannot open RTP sender on " + localHost;
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(what, io);
            }
            throw new IllegalStateException(what, cause);
        }
        UdpRtpSender sender = new UdpRtpSender(bound.channel(), target, packetizer);
        errors.sender = sender;
        return sender;
    }

    /**
     * Sends one frame as RTP packets with timestamp {@code timestamp90k}, the marker on the last.
     * The caller keeps its reference to {@code psFrame}; its bytes are copied before this returns.
     *
     * @return true when the frame was handed to the network, false when it was dropped because
     *     the sender is closed or its outbound buffer is full
     */
    @Override
    public synchronized boolean send(ByteBuf psFrame, long timestamp90k) {
        if (!channel.isActive() || !channel.isWritable()) {
            framesDropped.incrementAndGet();
            return false;
        }
        packetizer.packetize(psFrame, timestamp90k, writer);
        channel.flush();
        return true;
    }

    private void write(ByteBuf packet) {
        channel.write(new DatagramPacket(packet, target), channel.voidPromise());
        packetsSent.incrementAndGet();
    }

    /** The local address packets are sent from. */
    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    public InetSocketAddress target() {
        return target;
    }

    /** Packets handed to the channel. */
    @Override
    public long packetsSent() {
        return packetsSent.get();
    }

    /** Frames not sent because the outbound buffer was full or the sender closed. */
    @Override
    public long framesDropped() {
        return framesDropped.get();
    }

    /** Socket errors reported by the channel (for example ICMP port unreachable). */
    public long sendErrors() {
        return sendErrors.get();
    }

    /** Closes the socket without waiting; packets not yet written are released. */
    @Override
    public void close() {
        channel.close();
    }

    /** Counts errors the void write promises route into the pipeline; drops anything read. */
    private static final class ErrorCounter extends ChannelInboundHandlerAdapter {
        private volatile UdpRtpSender sender;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            UdpRtpSender owner = sender;
            if (owner != null && owner.sendErrors.getAndIncrement() == 0) {
                log.warn("RTP sender to {} failed; further errors are only counted", owner.target, cause);
            }
        }
    }
}
