package io.gbgate.media.rtp;

import io.gbgate.media.net.NettyTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends frames as RTP over one TCP connection with RFC 4571 framing, for the camera simulator.
 * Either side may open the connection, as GB28181 allows:
 * <ul>
 *   <li>{@link #connect}: the platform offered {@code a=setup:passive} and listens; the device
 *       connects to it.</li>
 *   <li>{@link #listen}: the platform offered {@code a=setup:active}; the device listens (its
 *       answer carries {@link #localAddress()}) and accepts the platform's one connection, then
 *       stops listening.</li>
 * </ul>
 * {@link #send} has the {@link UdpRtpSender} contract: it packetizes on the caller's thread, never
 * waits for the network, and drops (and counts) whole frames while there is no connection yet or
 * the connection's outbound buffer is above its high-water mark ({@link #WATER_MARK}).
 */
public final class TcpRtpSender implements RtpSender {
    /** Outbound buffer limits: frames are dropped above 1 MiB queued, sent again below 256 KiB. */
    public static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 << 10, 1 << 20);

    private static final Logger log = LoggerFactory.getLogger(TcpRtpSender.class);

    private final RtpPacketizer packetizer;
    private final Consumer<ByteBuf> writer = this::write;
    private final CompletableFuture<InetSocketAddress> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> disconnected = new CompletableFuture<>();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong framesDropped = new AtomicLong();
    /** Guards {@link #closed} and the setting of {@link #connection}. */
    private final Object stateLock = new Object();
    private volatile Channel connection;
    private volatile Channel listening;
    private volatile InetSocketAddress listeningAddress;
    private boolean closed;
    private Channel writing;

    private TcpRtpSender(RtpPacketizer packetizer) {
        this.packetizer = packetizer;
    }

    /**
     * Connects to the platform at {@code platform} and sends there once connected; frames sent
     * before are dropped. {@link #connected()} tells when, or why not.
     *
     * @param packetizer makes the packets; the sender then owns it
     */
    public static TcpRtpSender connect(EventLoopGroup group, InetSocketAddress platform, RtpPacketizer packetizer,
                                       Duration connectTimeout) {
        TcpRtpSender sender = new TcpRtpSender(packetizer);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NettyTransport.socketChannel(group))
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(sender.connectionInitializer());
        TcpConnect.connect(bootstrap, platform, connectTimeout).whenComplete((channel, failure) -> {
            if (failure != null) {
                sender.connected.completeExceptionally(failure);
                sender.disconnected.complete(null);
            }
        });
        return sender;
    }

    /** {@link #connect(EventLoopGroup, InetSocketAddress, RtpPacketizer, Duration)} with PT 96 and pooled buffers. */
    public static TcpRtpSender connect(EventLoopGroup group, InetSocketAddress platform, long ssrc,
                                       Duration connectTimeout) {
        return connect(group, platform, new RtpPacketizer(ssrc, PooledByteBufAllocator.DEFAULT), connectTimeout);
    }

    /**
     * Listens on {@code host:port} ({@code port} 0 picks a free one) for the platform's connection;
     * frames sent before it connects are dropped. Only the first connection is used.
     *
     * @param packetizer makes the packets; the sender then owns it
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static TcpRtpSender listen(EventLoopGroup group, String host, int port, RtpPacketizer packetizer) {
        TcpRtpSender sender = new TcpRtpSender(packetizer);
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(NettyTransport.serverSocketChannel(group))
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(sender.connectionInitializer())
                .bind(host, port)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            String what = "cannot listen for the RTP connection on " + host + ":" + port;
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(what, io);
            }
            throw new IllegalStateException(what, cause);
        }
        sender.listening = bound.channel();
        sender.listeningAddress = (InetSocketAddress) bound.channel().localAddress();
        return sender;
    }

    /** {@link #listen(EventLoopGroup, String, int, RtpPacketizer)} with PT 96 and pooled buffers. */
    public static TcpRtpSender listen(EventLoopGroup group, String host, int port, long ssrc) {
        return listen(group, host, port, new RtpPacketizer(ssrc, PooledByteBufAllocator.DEFAULT));
    }

    private ChannelInitializer<SocketChannel> connectionInitializer() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new LengthFieldPrepender(Rfc4571.LENGTH_PREFIX_BYTES), new PeerHandler());
            }
        };
    }

    /**
     * Sends one frame as RTP packets with timestamp {@code timestamp90k}, the marker on the last.
     * The caller keeps its reference to {@code psFrame}; its bytes are copied before this returns.
     *
     * @return true when the frame was handed to the connection, false when it was dropped because
     *     there is no open connection or its outbound buffer is full
     */
    @Override
    public synchronized boolean send(ByteBuf psFrame, long timestamp90k) {
        Channel channel = connection;
        if (channel == null || !channel.isActive() || !channel.isWritable()) {
            framesDropped.incrementAndGet();
            return false;
        }
        writing = channel;
        packetizer.packetize(psFrame, timestamp90k, writer);
        channel.flush();
        return true;
    }

    private void write(ByteBuf packet) {
        writing.write(packet, writing.voidPromise());
        packetsSent.incrementAndGet();
    }

    /** Completes with the platform's address once the connection is up, or exceptionally when it cannot be. */
    public CompletableFuture<InetSocketAddress> connected() {
        return connected.copy();
    }

    /**
     * Completes when the connection has closed (the platform hung up, or {@link #close}), or when
     * connecting failed or the sender closed before a connection came.
     */
    public CompletableFuture<Void> disconnected() {
        return disconnected.copy();
    }

    /**
     * In listen mode the listening address (to put in the SDP answer); in connect mode the local
     * end of the connection, or {@code null} before it is up.
     */
    @Override
    public InetSocketAddress localAddress() {
        if (listeningAddress != null) {
            return listeningAddress;
        }
        Channel channel = connection;
        return channel == null ? null : (InetSocketAddress) channel.localAddress();
    }

    @Override
    public long packetsSent() {
        return packetsSent.get();
    }

    @Override
    public long framesDropped() {
        return framesDropped.get();
    }

    /** Closes the connection and any listening socket without waiting. Idempotent. */
    @Override
    public void close() {
        Channel channel;
        synchronized (stateLock) {
            closed = true;
            channel = connection;
        }
        Channel server = listening;
        if (server != null) {
            server.close();
        }
        if (channel != null) {
            channel.close();
        } else if (connected.completeExceptionally(new IOException("RTP sender closed before a connection was up"))) {
            disconnected.complete(null);
        }
    }

    /** Takes the first connection, stops listening, discards anything the platform sends. */
    private final class PeerHandler extends ChannelInboundHandlerAdapter {
        private long errors;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel channel = ctx.channel();
            synchronized (stateLock) {
                if (closed || connection != null) {
                    channel.close();
                    return;
                }
                connection = channel;
            }
            Channel server = listening;
            if (server != null) {
                server.close();
            }
            connected.complete((InetSocketAddress) channel.remoteAddress());
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg); // RTCP or anything else from the platform is not used
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (connection == ctx.channel()) {
                disconnected.complete(null);
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (errors++ == 0) {
                log.warn("RTP over TCP to {} failed; closing", ctx.channel().remoteAddress(), cause);
            }
            ctx.close();
        }
    }
}
