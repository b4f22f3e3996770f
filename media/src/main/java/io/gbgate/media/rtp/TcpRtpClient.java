package io.gbgate.media.rtp;

import io.gbgate.media.net.NettyTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Receives one RTP stream over a TCP connection the gateway opens (RFC 4571 framing): GB28181
 * "TCP active", where the gateway offers {@code a=setup:active} and connects to the address and
 * port of the device's answer. The connection is dedicated to the stream, so it accepts whatever
 * SSRC the device sends (and keeps feeding the stream when the SSRC changes). Frames are handled
 * on the connection's event loop exactly as on a {@link TcpRtpServer} connection.
 */
public final class TcpRtpClient implements AutoCloseable {
    /** Connect timeout when none is given. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Channel connection;
    private final TcpRtpStream stream;
    private final TcpRtpCounters counters;

    private TcpRtpClient(Channel connection, TcpRtpStream stream, TcpRtpCounters counters) {
        this.connection = connection;
        this.stream = stream;
        this.counters = counters;
    }

    /** Connects with {@link #DEFAULT_CONNECT_TIMEOUT}; see {@link #connect(EventLoopGroup, InetSocketAddress, RtpPacketListener, Duration)}. */
    public static CompletableFuture<TcpRtpClient> connect(EventLoopGroup group, InetSocketAddress device,
                                                          RtpPacketListener listener) {
        return connect(group, device, listener, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * Connects to {@code device}; once connected, every RTP packet it sends goes to
     * {@code listener} on the connection's event loop, in arrival order.
     *
     * @return completes with the client once connected, or exceptionally with a
     *     {@link java.net.ConnectException} ("connection refused to 1.2.3.4:5678"), a
     *     {@link java.net.SocketTimeoutException} after {@code connectTimeout}, or another
     *     {@link java.io.IOException} naming the device
     */
    public static CompletableFuture<TcpRtpClient> connect(EventLoopGroup group, InetSocketAddress device,
                                                          RtpPacketListener listener, Duration connectTimeout) {
        TcpRtpCounters counters = new TcpRtpCounters();
        TcpRtpStream stream = new TcpRtpStream(RtpRegistration.ANY_SSRC, listener, ended -> { });
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NettyTransport.socketChannel(group))
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        stream.attach(channel);
                        TcpRtpFrameDecoder decoder = new TcpRtpFrameDecoder();
                        channel.pipeline().addLast(decoder,
                                new TcpRtpConnectionHandler(decoder, counters, (ssrc, connection) -> stream));
                    }
                });
        return TcpConnect.connect(bootstrap, device, connectTimeout)
                .thenApply(channel -> new TcpRtpClient(channel, stream, counters));
    }

    /** The stream: SSRC, statistics, and {@link TcpRtpStream#ended()} for when the device hangs up. */
    public TcpRtpStream stream() {
        return stream;
    }

    /** Framing counters of the connection. */
    public TcpRtpCounters counters() {
        return counters;
    }

    /** The device's address. */
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) connection.remoteAddress();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) connection.localAddress();
    }

    /** Closes the connection; see {@link TcpRtpStream#close()}. Idempotent. */
    @Override
    public void close() {
        stream.close();
    }
}
