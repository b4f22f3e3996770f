package io.gbgate.media.rtp;

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
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.collection.LongObjectHashMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives RTP over UDP on one local port and hands each registered stream its packets in order.
 *
 * <p>Streams are keyed by SSRC <em>within this receiver</em>: the identity of a stream is the pair
 * (local port, SSRC), so there is no process-wide SSRC table and nothing caps the number of
 * streams other than ports and memory. Two deployment shapes use the same class:
 * <ul>
 *   <li>a shared port ({@link #bind}) on which many devices send, told apart by SSRC;</li>
 *   <li>a dedicated port per stream ({@link #bindInRange} with an {@link RtpPortRange}) for
 *       devices that ignore the SSRC offered in the SDP or cannot share a port; there
 *       {@link #registerAnySsrc} binds the stream to the first valid RTP packet's SSRC. RTCP and
 *       malformed datagrams never bind it.</li>
 * </ul>
 *
 * <p>Everything per packet runs on the channel's event loop with pooled buffers: datagrams are
 * parsed in place, invalid ones are counted by {@link RtpDropReason}, datagrams of unregistered
 * SSRCs are counted and dropped. The SSRC table is only touched on the event loop, so
 * {@link #register} and {@link RtpRegistration#close} hand their change to the loop and wait for
 * it; once {@code register} returns, the stream's packets are delivered.
 */
public final class UdpRtpReceiver implements AutoCloseable {
    /** Requested kernel receive buffer (the kernel may cap it at net.core.rmem_max). */
    public static final int SOCKET_RECEIVE_BUFFER_BYTES = 4 << 20;
    /** Per-datagram read buffer; a datagram filling it completely is dropped as truncated. */
    public static final int DATAGRAM_BUFFER_BYTES = 4096;
    /** How many free ports {@link #bindInRange} tries before giving up. */
    public static final int MAX_BIND_ATTEMPTS = 16;

    private static final Logger log = LoggerFactory.getLogger(UdpRtpReceiver.class);

    private final LongObjectHashMap<RtpRegistration> streams = new LongObjectHashMap<>();
    /** Where each stream's packets came from, to follow a camera that changes SSRC mid-stream. */
    private final Map<InetSocketAddress, RtpRegistration> bySender = new HashMap<>();
    private final UnknownRtpSources unknownSources = new UnknownRtpSources();
    private final AtomicLongArray drops = new AtomicLongArray(RtpDropReason.values().length);
    private final AtomicLong unknownSsrc = new AtomicLong();
    private final RtpPortRange portRange;
    private Channel channel;
    private int port;
    private RtpRegistration anySsrc;
    private volatile boolean closed;

    private UdpRtpReceiver(RtpPortRange portRange) {
        this.portRange = portRange;
    }

    /**
     * Binds a receiver to {@code host:port} ({@code port} 0 picks a free port).
     *
     * @param group a NIO event loop group; the receiver's channel lives on one of its loops
     * @throws UncheckedIOException  when the socket cannot be bound
     * @throws IllegalStateException when binding fails for another reason
     */
    public static UdpRtpReceiver bind(EventLoopGroup group, String host, int port) {
        UdpRtpReceiver receiver = new UdpRtpReceiver(null);
        receiver.open(group, host, port);
        return receiver;
    }

    /**
     * Binds a receiver to a free port of {@code range}; the port goes back to the range on
     * {@link #close}. Ports another process holds are skipped.
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
                receiver.open(group, host, port);
                return receiver;
            } catch (RuntimeException e) {
                range.release(port);
                failure = e;
                log.debug("RTP port {} is not bindable, trying the next one", port, e);
            }
        }
        throw failure;
    }

    private void open(EventLoopGroup group, String host, int port) {
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, SOCKET_RECEIVE_BUFFER_BYTES)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(DATAGRAM_BUFFER_BYTES))
                .handler(new DatagramHandler());
        ChannelFuture bound = bootstrap.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            String what = "cannot bind RTP receiver to " + host + ":" + port;
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(what, io);
            }
            throw new IllegalStateException(what, cause);
        }
        channel = bound.channel();
        this.port = ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The local UDP port. */
    public int port() {
        return port;
    }

    /**
     * Registers the stream {@code ssrc} (unsigned 32-bit); {@code listener} gets its packets in
     * sequence order on the event loop.
     *
     * @throws IllegalStateException when the SSRC is already registered or the receiver is closed
     */
    public RtpRegistration register(long ssrc, RtpPacketListener listener) {
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC must be an unsigned 32-bit value, got " + ssrc);
        }
        RtpRegistration registration = new RtpRegistration(this, ssrc, listener, RtpReorderBuffer.DEFAULT_WINDOW);
        return onLoop(() -> {
            requireOpen();
            if (streams.containsKey(ssrc)) {
                throw new IllegalStateException("SSRC " + ssrc + " is already registered on port " + port());
            }
            streams.put(ssrc, registration);
            return registration;
        });
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
        return onLoop(() -> {
            requireOpen();
            if (anySsrc != null) {
                throw new IllegalStateException("port " + port() + " already has a wildcard registration");
            }
            anySsrc = registration;
            return registration;
        });
    }

    /** Removes {@code registration} and releases the packets it held. Idempotent. */
    public void unregister(RtpRegistration registration) {
        onLoopOrInline(() -> {
            if (anySsrc == registration) {
                anySsrc = null;
            }
            streams.values().removeIf(r -> r == registration);
            bySender.values().removeIf(r -> r == registration);
            registration.release();
            return null;
        });
    }

    /** Streams registered now (bound ones plus an unbound wildcard). */
    public int registrations() {
        return onLoop(() -> streams.size() + (anySsrc != null ? 1 : 0));
    }

    /** Valid RTP datagrams dropped because no stream is registered for their SSRC. */
    public long unknownSsrcDrops() {
        return unknownSsrc.get();
    }

    /**
     * Senders of RTP for SSRCs nobody registered, most recent last (at most 64): what a play that
     * gets no RTP should look at for an SSRC mismatch.
     */
    public List<UnknownRtpSources.Source> recentUnknownSources() {
        return onLoopOrEmpty(unknownSources::snapshot);
    }

    private <T> List<T> onLoopOrEmpty(Callable<List<T>> task) {
        try {
            return onLoop(task);
        } catch (RejectedExecutionException e) {
            return List.of();
        }
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
     * Closes the socket, releases every registration's held packets and gives a range port back.
     * Called off the event loop it waits until the socket is closed; called on it (from a
     * listener) it returns at once and the port goes back when the close completes. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onLoopOrInline(this::releaseRegistrations);
        ChannelFuture closing = channel.close();
        if (channel.eventLoop().inEventLoop()) {
            closing.addListener(done -> releasePort());
        } else {
            closing.awaitUninterruptibly();
            releasePort();
        }
    }

    private void releasePort() {
        if (portRange != null) {
            portRange.release(port);
        }
    }

    private Void releaseRegistrations() {
        ArrayList<RtpRegistration> all = new ArrayList<>(streams.values());
        if (anySsrc != null) {
            all.add(anySsrc);
        }
        streams.clear();
        bySender.clear();
        anySsrc = null;
        for (RtpRegistration registration : all) {
            registration.release();
        }
        return null;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("RTP receiver is closed");
        }
    }

    /** Runs {@code task} on the event loop, or right here when the loop has been shut down. */
    private void onLoopOrInline(Callable<Void> task) {
        try {
            onLoop(task);
        } catch (RejectedExecutionException e) {
            call(task);
        }
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T onLoop(Callable<T> task) {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            return call(task);
        }
        return loop.submit(task).syncUninterruptibly().getNow();
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
        RtpRegistration stream = streams.get(header.ssrc());
        if (stream == null) {
            stream = bySender.get(sender);
            if (stream != null) {
                // Same source, new SSRC: cameras do this mid-stream (re-encoder restart, NVR switch).
                stream.ssrcChanged(header.ssrc());
                streams.put(header.ssrc(), stream);
            } else if (anySsrc != null) {
                stream = anySsrc;
                anySsrc = null;
                stream.bind(header.ssrc());
                streams.put(header.ssrc(), stream);
            } else {
                unknownSsrc.incrementAndGet();
                unknownSources.record(sender, header.ssrc(), now);
                return;
            }
        }
        if (stream.senderChanged(sender)) {
            bySender.values().remove(stream);
            bySender.put(sender, stream);
        }
        stream.onPacket(header, packet, sender, now);
    }

    /** Parses datagrams on the event loop; never closes the channel on bad input. */
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
