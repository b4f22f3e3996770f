package io.gbgate.media.rtp;

import io.gbgate.media.net.NettyTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives RTP over UDP on one local port and hands each registered stream its packets in order.
 *
 * <p>Streams are keyed by SSRC <em>within this receiver</em>: the identity of a stream is the pair
 * (local port, SSRC), so there is no process-wide SSRC table and nothing caps the number of
 * streams other than ports and memory. Two deployment shapes use the same class:
 * <ul>
 *   <li>a shared port ({@link #bind}) on which many devices send, told apart by SSRC; it may be
 *       read by several sockets (see below);</li>
 *   <li>a dedicated port per stream ({@link #bindInRange} with an {@link RtpPortRange}) for
 *       devices that ignore the SSRC offered in the SDP or cannot share a port; there
 *       {@link #registerAnySsrc} binds the stream to the first valid RTP packet's SSRC. RTCP and
 *       malformed datagrams never bind it. Always one socket.</li>
 * </ul>
 *
 * <p><b>Readers.</b> One socket read by one event loop overflows at a few hundred camera streams.
 * With the native epoll transport, {@link #bind(EventLoopGroup, String, int, int)} opens several
 * sockets on the same port with SO_REUSEPORT, each on its own event loop; the kernel spreads
 * datagrams over them by 4-tuple hash, so one device's packets stay on one socket and in order.
 * All readers feed one {@link RtpSsrcTable}. Without epoll the receiver falls back to one NIO
 * socket (logged once).
 *
 * <p>Everything per packet runs on a reader's event loop with pooled buffers: datagrams are
 * parsed in place, invalid ones are counted by {@link RtpDropReason}, datagrams of unregistered
 * SSRCs are counted and dropped. The SSRC lookup is lock-free; a stream's delivery is serialized
 * by its registration (see {@link RtpRegistration}). Once {@code register} returns, the stream's
 * packets are delivered; once a registration's {@code close} returns, none is in flight.
 */
public final class UdpRtpReceiver implements AutoCloseable {
    /** Requested kernel receive buffer per socket (the kernel may cap it at net.core.rmem_max). */
    public static final int SOCKET_RECEIVE_BUFFER_BYTES = 4 << 20;
    /** Per-datagram read buffer; a datagram filling it completely is dropped as truncated. */
    public static final int DATAGRAM_BUFFER_BYTES = 4096;
    /**
     * Datagrams one read takes on epoll: Netty reads them with one {@code recvmmsg} call into slices of one
     * buffer, instead of one {@code recvmsg} system call per RTP packet.
     */
    public static final int DATAGRAMS_PER_READ = 16;
    /** How many free ports {@link #bindInRange} tries before giving up. */
    public static final int MAX_BIND_ATTEMPTS = 16;

    private static final Logger log = LoggerFactory.getLogger(UdpRtpReceiver.class);
    private static final AtomicBoolean singleReaderLogged = new AtomicBoolean();

    private final RtpSsrcTable table = new RtpSsrcTable();
    private final UnknownRtpSources unknownSources = new UnknownRtpSources();
    private final AtomicLongArray drops = new AtomicLongArray(RtpDropReason.values().length);
    private final LongAdder unknownSsrc = new LongAdder();
    private final RtpPortRange portRange;
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private int port;

    private UdpRtpReceiver(RtpPortRange portRange) {
        this.portRange = portRange;
    }

    /**
     * Binds a single-socket receiver to {@code host:port} ({@code port} 0 picks a free port).
     *
     * @param group an event loop group (epoll or NIO, see {@link NettyTransport}); the socket
     *              lives on one of its loops
     * @throws UncheckedIOException  when the socket cannot be bound
     * @throws IllegalStateException when binding fails for another reason
     */
    public static UdpRtpReceiver bind(EventLoopGroup group, String host, int port) {
        return bind(group, host, port, 1);
    }

    /**
     * Binds a receiver to {@code host:port} ({@code port} 0 picks a free port) read by
     * {@code readers} sockets, each on its own loop of {@code group} (round-robin when the group has
     * fewer loops). Several readers need an epoll group; on a NIO group one socket is opened and
     * that is logged once. The port must be free: another socket already on it fails the bind even
     * though the readers share it among themselves.
     *
     * @throws IllegalArgumentException when {@code readers} is below 1
     * @throws UncheckedIOException     when a socket cannot be bound
     * @throws IllegalStateException    when binding fails for another reason
     */
    public static UdpRtpReceiver bind(EventLoopGroup group, String host, int port, int readers) {
        if (readers < 1) {
            throw new IllegalArgumentException("an RTP receiver needs at least one reader, got " + readers);
        }
        if (readers > 1 && !NettyTransport.isEpoll(group)) {
            if (singleReaderLogged.compareAndSet(false, true)) {
                log.warn("{} RTP readers asked for, but the media event loops are not epoll loops:"
                        + " the shared RTP port has one reader socket", readers);
            }
            readers = 1;
        }
        UdpRtpReceiver receiver = new UdpRtpReceiver(null);
        if (readers == 1) {
            receiver.open(group, host, port, false);
        } else {
            receiver.openReaders(group, host, port, readers);
        }
        return receiver;
    }

    /**
     * Binds a single-socket receiver to a free port of {@code range}; the port goes back to the
     * range on {@link #close}. Ports another process holds are skipped.
     *
     * @throws UncheckedIOException  when {@value #MAX_BIND_ATTEMPTS} ports in a row fail to bind
     * @throws IllegalStateException when the range is exhausted
     */
    public static UdpRtpReceiver bindInRange(EventLoopGroup group, String host, RtpPortRange range) {
        RuntimeException failure = null;
        int attempts = Math.min(MAX_BIND_ATTEMPTS, range.capacity());
        for (int i = 0; i < attempts; i++) {
            int port = range.allocate();
            UdpRtpReceiver receiver = new UdpRtpReceiver(range);
            try {
                receiver.open(group, host, port, false);
                return receiver;
            } catch (RuntimeException e) {
                range.release(port);
                failure = e;
                log.debug("RTP port {} is not bindable, trying the next one", port, e);
            }
        }
        throw failure;
    }

    private void openReaders(EventLoopGroup group, String host, int requestedPort, int readers) {
        if (requestedPort != 0) {
            requireFree(host, requestedPort);
        }
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : group) {
            loops.add((EventLoop) executor);
        }
        try {
            open(loops.get(0), host, requestedPort, true);
            for (int i = 1; i < readers; i++) {
                open(loops.get(i % loops.size()), host, port, true);
            }
        } catch (RuntimeException e) {
            channels.forEach(channel -> channel.close().awaitUninterruptibly());
            throw e;
        }
    }

    /**
     * SO_REUSEPORT would let the readers join sockets another process (of the same user) holds on
     * the port and silently split its traffic; a plain bind first makes a taken port fail as usual.
     */
    private static void requireFree(String host, int port) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(host, port))) {
            probe.getLocalPort();
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot bind RTP receiver to " + host + ":" + port, e);
        }
    }

    private void open(EventLoopGroup group, String host, int port, boolean reusePort) {
        boolean epoll = NettyTransport.isEpoll(group);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NettyTransport.datagramChannel(group))
                .option(ChannelOption.SO_RCVBUF, SOCKET_RECEIVE_BUFFER_BYTES)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(
                        epoll ? DATAGRAM_BUFFER_BYTES * DATAGRAMS_PER_READ : DATAGRAM_BUFFER_BYTES))
                .handler(new DatagramHandler());
        if (epoll) {
            // slices of DATAGRAM_BUFFER_BYTES each: a longer datagram is cut there and dropped as TOO_LONG
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, DATAGRAM_BUFFER_BYTES);
        }
        if (reusePort) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        ChannelFuture bound = bootstrap.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            String what = "cannot bind RTP receiver to " + host + ":" + port;
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(what, io);
            }
            throw new IllegalStateException(what, cause);
        }
        channels.add(bound.channel());
        this.port = ((InetSocketAddress) bound.channel().localAddress()).getPort();
    }

    /** The local UDP port. */
    public int port() {
        return port;
    }

    /** How many sockets read the port (1 unless several readers were asked for on epoll). */
    public int readers() {
        return channels.size();
    }

    /**
     * Registers the stream {@code ssrc} (unsigned 32-bit); {@code listener} gets its packets in
     * sequence order on a reader's event loop, never concurrently.
     *
     * @throws IllegalStateException when the SSRC is already registered or the receiver is closed
     */
    public RtpRegistration register(long ssrc, RtpPacketListener listener) {
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC must be an unsigned 32-bit value, got " + ssrc);
        }
        RtpRegistration registration = new RtpRegistration(this, ssrc, listener, RtpReorderBuffer.DEFAULT_WINDOW);
        table.add(ssrc, registration, port);
        return registration;
    }

    /**
     * Registers the one stream of a dedicated port: it is bound to the SSRC of the first valid RTP
     * packet whose SSRC is not registered explicitly.
     *
     * @throws IllegalStateException when a wildcard registration exists or the receiver is closed
     */
    public RtpRegistration registerAnySsrc(RtpPacketListener listener) {
        RtpRegistration registration =
                new RtpRegistration(this, RtpRegistration.ANY_SSRC, listener, RtpReorderBuffer.DEFAULT_WINDOW);
        table.addAny(registration, port);
        return registration;
    }

    /**
     * Removes {@code registration} and releases the packets it held; once this returns no packet
     * of it is being delivered. Idempotent.
     */
    public void unregister(RtpRegistration registration) {
        registration.release(); // first: a packet in flight cannot re-add its sender afterwards
        table.remove(registration);
    }

    /** Streams registered now (bound ones plus an unbound wildcard). */
    public int registrations() {
        return table.size();
    }

    /** Valid RTP datagrams dropped because no stream is registered for their SSRC. */
    public long unknownSsrcDrops() {
        return unknownSsrc.sum();
    }

    /**
     * Senders of RTP for SSRCs nobody registered, most recent last (at most 64): what a play that
     * gets no RTP should look at for an SSRC mismatch.
     */
    public List<UnknownRtpSources.Source> recentUnknownSources() {
        return unknownSources.snapshot();
    }

    /** Datagrams dropped for {@code reason}. */
    public long drops(RtpDropReason reason) {
        return drops.get(reason.ordinal());
    }

    /** RTCP datagrams that arrived on this RTP port and were ignored. */
    public long rtcpIgnored() {
        return drops(RtpDropReason.RTCP);
    }

    /**
     * Closes the sockets, releases every registration's held packets and gives a range port back.
     * Called off the event loops it waits until the sockets are closed; called on one (from a
     * listener) it returns at once and the port goes back when the closes complete. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<RtpRegistration> registrations = table.close();
        boolean onReaderLoop = channels.stream().anyMatch(channel -> channel.eventLoop().inEventLoop());
        if (onReaderLoop) {
            registrations.forEach(RtpRegistration::release);
            AtomicInteger open = new AtomicInteger(channels.size());
            for (Channel channel : channels) {
                channel.close().addListener(done -> {
                    if (open.decrementAndGet() == 0) {
                        releasePort();
                    }
                });
            }
        } else {
            channels.forEach(channel -> channel.close().awaitUninterruptibly());
            registrations.forEach(RtpRegistration::release);
            releasePort();
        }
    }

    private void releasePort() {
        if (portRange != null) {
            portRange.release(port);
        }
    }

    private void onDatagram(DatagramPacket datagram) {
        ByteBuf packet = datagram.content();
        if (packet.readableBytes() >= DATAGRAM_BUFFER_BYTES) {
            drops.incrementAndGet(RtpDropReason.TOO_LONG.ordinal());
            return;
        }
        RtpHeader header = RtpHeader.parse(packet);
        if (header == null) {
            drops.incrementAndGet(RtpHeader.check(packet).ordinal());
            return;
        }
        InetSocketAddress sender = datagram.sender();
        long now = System.nanoTime();
        RtpRegistration stream = table.get(header.ssrc());
        if (stream == null) {
            stream = table.adopt(header.ssrc(), sender);
            if (stream == null) {
                unknownSsrc.increment();
                unknownSources.record(sender, header.ssrc(), now);
                return;
            }
        }
        stream.onPacket(header, packet, sender, now, table);
    }

    /** Parses datagrams on a reader's event loop; never closes the channel on bad input. */
    private final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
            onDatagram(datagram);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.warn("RTP receiver on {}: socket error", ctx.channel().localAddress(), cause);
        }
    }
}
