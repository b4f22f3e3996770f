package io.gbgate.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTP stream received over one TCP connection (RFC 4571 framing): registered on a
 * {@link TcpRtpServer} and bound to the first connection whose first RTP packet carries its SSRC,
 * or the stream of a {@link TcpRtpClient}.
 *
 * <p><b>No reordering.</b> TCP delivers bytes in order and without loss, so packets go to the
 * listener in arrival order, at once, without a {@link RtpReorderBuffer}: a gap in sequence numbers
 * on TCP means the device skipped packets, and waiting for them would only add latency. The
 * {@link #stats() statistics} still count such gaps as loss and track jitter.
 *
 * <p><b>SSRC changes.</b> Once bound, the connection stays bound: a device that switches SSRC on
 * the same connection (GB28181 cameras do, for example after an encoder restart) keeps feeding the
 * same listener; {@link #ssrc()} follows the latest SSRC and {@link #ssrcChanges()} counts the
 * switches. The statistics see the switch as a sequence restart.
 *
 * <p><b>End.</b> The stream ends when its connection closes, for whatever reason, or when it is
 * closed locally; {@link #ended()} then completes with the {@link TcpRtpCloseReason}, so the
 * gateway learns that the device ended the stream. An ended stream delivers nothing more.
 */
public final class TcpRtpStream implements RtpInboundStream {
    private static final Logger log = LoggerFactory.getLogger(TcpRtpStream.class);

    private final RtpPacketListener listener;
    private final Consumer<TcpRtpStream> onEnd;
    private final RtpStreamStats stats = new RtpStreamStats();
    private final CompletableFuture<TcpRtpCloseReason> ended = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile long ssrc;
    private volatile long ssrcChanges;
    private volatile long listenerFailures;
    private volatile boolean closed;
    /** The connection once bound; written under {@code this}. */
    private volatile Channel connection;

    /**
     * @param ssrc     the expected SSRC, or {@link RtpRegistration#ANY_SSRC}
     * @param listener gets the packets on the connection's event loop
     * @param onEnd    called once when the stream ends (to unregister it), before {@link #ended()}
     *                 completes
     */
    TcpRtpStream(long ssrc, RtpPacketListener listener, Consumer<TcpRtpStream> onEnd) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is required");
        }
        this.ssrc = ssrc;
        this.listener = listener;
        this.onEnd = onEnd;
    }

    /**
     * The SSRC of the latest packet; before the first packet the registered SSRC, or
     * {@link RtpRegistration#ANY_SSRC} for a wildcard registration.
     */
    @Override
    public long ssrc() {
        return ssrc;
    }

    /** Times the connection switched to another SSRC after its first packet. */
    public long ssrcChanges() {
        return ssrcChanges;
    }

    /** Packets whose listener call threw; the exception was logged (once) and the stream went on. */
    public long listenerFailures() {
        return listenerFailures;
    }

    /** The device's end of the connection, or {@code null} while no connection is bound. */
    public InetSocketAddress remoteAddress() {
        Channel bound = connection;
        return bound == null ? null : (InetSocketAddress) bound.remoteAddress();
    }

    @Override
    public RtpStreamStats.Snapshot stats() {
        return stats.snapshot();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /**
     * Completes once when the stream ends, with why; dependent actions run on the connection's
     * event loop (or on the thread that closed the stream). By then the stream is unregistered
     * (no longer counted by {@link TcpRtpServer#registrations()}) and, when its connection closed,
     * the connection is counted in {@link TcpRtpServer#counters()}. The returned future is a copy:
     * completing it does not affect the stream.
     */
    public CompletableFuture<TcpRtpCloseReason> ended() {
        return ended.copy();
    }

    /**
     * Ends the stream with {@link TcpRtpCloseReason#CLOSED_LOCALLY} and closes its connection.
     * Called off the event loops it waits until the connection is closed, so no packet is being
     * delivered when it returns; called on one (from a listener) it returns at once and delivery
     * stops before the next packet. Idempotent.
     */
    @Override
    public void close() {
        Channel bound;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            bound = connection;
        }
        finish(TcpRtpCloseReason.CLOSED_LOCALLY);
        if (bound != null) {
            ChannelFuture closing = TcpRtpConnectionHandler.closeByGateway(bound);
            if (!EventLoops.isCurrentThreadIn(bound.eventLoop().parent())) {
                closing.awaitUninterruptibly();
            }
        }
    }

    /** Binds the stream to {@code channel}; false when it is closed or already bound. */
    synchronized boolean attach(Channel channel) {
        if (closed || connection != null) {
            return false;
        }
        connection = channel;
        return true;
    }

    /** Runs on the connection's event loop for each valid RTP packet; {@code frame} holds exactly it. */
    void onPacket(RtpHeader header, ByteBuf frame, InetSocketAddress sender) {
        if (closed) {
            return;
        }
        long packetSsrc = header.ssrc();
        if (packetSsrc != ssrc) {
            if (ssrc != RtpRegistration.ANY_SSRC) {
                ssrcChanges++;
            }
            ssrc = packetSsrc;
        }
        stats.record(header, System.nanoTime(), false);
        frame.setIndex(header.payloadOffset(), header.payloadOffset() + header.payloadLength());
        try {
            listener.onPacket(header, frame, sender);
        } catch (RuntimeException e) {
            if (listenerFailures++ == 0) {
                log.warn("RTP listener {} failed on ssrc {} seq {} from {}; further failures are only counted",
                        listener, header.ssrc(), header.sequence(), sender, e);
            }
        }
    }

    /** Runs on the connection's event loop when the connection has closed. */
    void end(TcpRtpCloseReason reason) {
        closed = true;
        finish(reason);
    }

    /** Unregisters first, then completes {@link #ended}: whoever sees the end sees it unregistered. */
    private void finish(TcpRtpCloseReason reason) {
        if (finished.compareAndSet(false, true)) {
            try {
                onEnd.accept(this);
            } finally {
                ended.complete(reason);
            }
        }
    }
}
