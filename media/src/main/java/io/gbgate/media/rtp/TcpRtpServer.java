package io.gbgate.media.rtp;

import io.gbgate.media.net.NettyTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.ChannelGroupFuture;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives RTP over TCP (RFC 4571 framing) on one listening port: GB28181 "TCP passive", where the
 * gateway offers {@code TCP/RTP/AVP} with {@code a=setup:passive} and the device connects.
 *
 * <p>Each accepted connection is bound to a registered {@link TcpRtpStream} by the SSRC of its
 * first valid RTP packet (RTCP and malformed frames never bind), exactly like
 * {@link UdpRtpReceiver}: on a shared port streams are told apart by {@link #register} SSRCs; on a
 * dedicated port ({@link #bindInRange}) {@link #registerAnySsrc} takes whatever SSRC the device
 * uses. A registration serves one connection: once bound it no longer waits, and a later connection
 * with the same SSRC is refused. A connection whose SSRC has no waiting registration is closed and
 * counted ({@link TcpRtpCounters#unknownSsrcRefusals()}). When the bound connection closes, the
 * stream ends and {@link TcpRtpStream#ended()} says why.
 *
 * <p>Connections are spread over the event loops of the group (no thread per stream); each
 * connection's frames are handled on its own loop. Only binding touches shared state, through
 * concurrent tables.
 */
public final class TcpRtpServer implements AutoCloseable {
    /** How many free ports {@link #bindInRange} tries before giving up. */
    public static final int MAX_BIND_ATTEMPTS = 16;

    private static final Logger log = LoggerFactory.getLogger(TcpRtpServer.class);

    private final ConcurrentHashMap<Long, TcpRtpStream> waiting = new ConcurrentHashMap<>();
    private final AtomicReference<TcpRtpStream> waitingAnySsrc = new AtomicReference<>();
    private final Set<TcpRtpStream> open = ConcurrentHashMap.newKeySet();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final TcpRtpCounters counters = new TcpRtpCounters();
    private final RtpPortRange portRange;
    private Channel listening;
    private int port;
    private volatile boolean closed;

    private TcpRtpServer(RtpPortRange portRange) {
        this.portRange = portRange;
    }

    /**
     * Listens on {@code host:port} ({@code port} 0 picks a free port).
     *
     * @param group an event loop group (epoll or NIO, see {@link NettyTransport}); it accepts and
     *              serves the connections
     * @throws UncheckedIOException  when the port cannot be bound
     * @throws IllegalStateException when binding fails for another reason
     */
    public static TcpRtpServer bind(EventLoopGroup group, String host, int port) {
        TcpRtpServer server = new TcpRtpServer(null);
        server.open(group, host, port);
        return server;
    }

    /**
     * Listens on a free port of {@code range}; the port goes back to the range on {@link #close}.
     * Ports another process holds are skipped.
     *
     * @throws UncheckedIOException  when {@value #MAX_BIND_ATTEMPTS} ports in a row fail to bind
     * @throws IllegalStateException when the range is exhausted
     */
    public static TcpRtpServer bindInRange(EventLoopGroup group, String host, RtpPortRange range) {
        RuntimeException failure = null;
        int attempts = Math.min(MAX_BIND_ATTEMPTS, range.capacity());
        for (int i = 0; i < attempts; i++) {
            int port = range.allocate();
            TcpRtpServer server = new TcpRtpServer(range);
            try {
                server.open(group, host, port);
                return server;
            } catch (RuntimeException e) {
                range.release(port);
                failure = e;
                log.debug("RTP TCP port {} is not bindable, trying the next one", port, e);
            }
        }
        throw failure;
    }

    private void open(EventLoopGroup group, String host, int port) {
        ChannelFuture bound = new ServerBootstrap()
                .group(group)
                .channel(NettyTransport.serverSocketChannel(group))
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel connection) {
                        accept(connection);
                    }
                })
                .bind(host, port)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            String what = "cannot listen for RTP over TCP on " + host + ":" + port;
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(what, io);
            }
            throw new IllegalStateException(what, cause);
        }
        listening = bound.channel();
        this.port = ((InetSocketAddress) listening.localAddress()).getPort();
    }

    private void accept(SocketChannel connection) {
        connections.add(connection);
        if (closed) {
            TcpRtpConnectionHandler.closeByGateway(connection);
            return;
        }
        TcpRtpFrameDecoder decoder = new TcpRtpFrameDecoder();
        connection.pipeline().addLast(decoder, new TcpRtpConnectionHandler(decoder, counters, this::bindConnection));
    }

    /** The local TCP port the devices connect to. */
    public int port() {
        return port;
    }

    /** Connection, framing and refusal counters. */
    public TcpRtpCounters counters() {
        return counters;
    }

    /**
     * Registers the stream {@code ssrc} (unsigned 32-bit): the first connection whose first RTP
     * packet carries it feeds {@code listener}, on that connection's event loop, in arrival order.
     *
     * @throws IllegalStateException when a registration for {@code ssrc} is already waiting, or
     *     the server is closed
     */
    public TcpRtpStream register(long ssrc, RtpPacketListener listener) {
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC must be an unsigned 32-bit value, got " + ssrc);
        }
        requireOpen();
        TcpRtpStream stream = new TcpRtpStream(ssrc, listener, ended -> forget(ssrc, ended));
        if (waiting.putIfAbsent(ssrc, stream) != null) {
            throw new IllegalStateException("SSRC " + ssrc + " already waits for a connection on TCP port " + port);
        }
        return admit(stream);
    }

    /**
     * Registers the stream of a dedicated port: the first connection whose first RTP packet has an
     * SSRC without an explicit registration feeds {@code listener}.
     *
     * @throws IllegalStateException when a wildcard registration is already waiting, or the server
     *     is closed
     */
    public TcpRtpStream registerAnySsrc(RtpPacketListener listener) {
        requireOpen();
        TcpRtpStream stream = new TcpRtpStream(RtpRegistration.ANY_SSRC, listener,
                ended -> forget(RtpRegistration.ANY_SSRC, ended));
        if (!waitingAnySsrc.compareAndSet(null, stream)) {
            throw new IllegalStateException("TCP port " + port + " already has a wildcard registration waiting");
        }
        return admit(stream);
    }

    private TcpRtpStream admit(TcpRtpStream stream) {
        open.add(stream);
        if (closed) { // raced with close(): do not leave a registration behind
            stream.close();
            requireOpen();
        }
        return stream;
    }

    /** Registrations not ended yet: waiting for a connection or being fed by one. */
    public int registrations() {
        return open.size();
    }

    private TcpRtpStream bindConnection(long ssrc, Channel connection) {
        TcpRtpStream stream = waiting.remove(ssrc);
        if (stream == null) {
            stream = waitingAnySsrc.getAndSet(null);
        }
        return stream != null && stream.attach(connection) ? stream : null;
    }

    private void forget(long registeredSsrc, TcpRtpStream stream) {
        if (registeredSsrc == RtpRegistration.ANY_SSRC) {
            waitingAnySsrc.compareAndSet(stream, null);
        } else {
            waiting.remove(registeredSsrc, stream);
        }
        open.remove(stream);
    }

    /**
     * Stops listening, ends every registration ({@link TcpRtpCloseReason#CLOSED_LOCALLY}), closes
     * every connection and gives a range port back. Called off the event loops it waits until all
     * is closed; called on one (from a listener) it returns at once. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ChannelFuture stopListening = listening.close();
        for (TcpRtpStream stream : open) {
            stream.close();
        }
        for (Channel connection : connections) {
            TcpRtpConnectionHandler.closeByGateway(connection);
        }
        ChannelGroupFuture closingConnections = connections.newCloseFuture();
        if (EventLoops.isCurrentThreadIn(listening.eventLoop().parent())) {
            stopListening.addListener(done -> releasePort());
        } else {
            stopListening.awaitUninterruptibly();
            closingConnections.awaitUninterruptibly();
            releasePort();
        }
    }

    private void releasePort() {
        if (portRange != null) {
            portRange.release(port);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("RTP TCP server on port " + port + " is closed");
        }
    }
}
