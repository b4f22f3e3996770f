package io.gbgate.media.rtp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * One RTP stream registered on a {@link UdpRtpReceiver}: its reorder buffer, its statistics and
 * the listener that gets its packets in order (a missing packet is waited for at most
 * {@value RtpReorderBuffer#DEFAULT_WINDOW} packets or 200 ms). Closing it unregisters the stream and releases the
 * packets it still held.
 *
 * <p>A registration made with {@link UdpRtpReceiver#registerAnySsrc} has {@link #ssrc()} equal to
 * {@link #ANY_SSRC} until the first valid RTP packet of an unregistered SSRC binds it.
 *
 * <p>Threads: a shared port may have several reader sockets on different event loops. The kernel
 * picks the socket by the datagram's 4-tuple, so one sender's packets normally arrive on one loop,
 * in order; a sender whose address changes may continue on another loop. The registration's lock
 * serializes delivery, SSRC changes and release, so the listener is never called concurrently,
 * sees each call's effects in the next one, and is not called once {@link #close} returned.
 */
public final class RtpRegistration implements RtpInboundStream {
    /** {@link #ssrc()} of a registration that is not bound to an SSRC yet. */
    public static final long ANY_SSRC = -1;

    private final UdpRtpReceiver receiver;
    private final RtpReorderBuffer reorder;
    private final RtpStreamStats stats = new RtpStreamStats();
    private volatile long ssrc;
    private volatile boolean closed;
    private volatile long ssrcChanges;
    private volatile InetSocketAddress lastSender;
    /** Guards the reorder buffer, {@link #lastSender} changes and the listener's calls. */
    private final Object lock = new Object();

    RtpRegistration(UdpRtpReceiver receiver, long ssrc, RtpPacketListener listener, int window) {
        this.receiver = receiver;
        this.ssrc = ssrc;
        this.reorder = new RtpReorderBuffer(listener, window, RtpReorderBuffer.DEFAULT_MAX_HOLD_NANOS);
    }

    /** The stream's SSRC, or {@link #ANY_SSRC} while a wildcard registration is unbound. */
    @Override
    public long ssrc() {
        return ssrc;
    }

    /** The receiver the stream arrives on. */
    public UdpRtpReceiver receiver() {
        return receiver;
    }

    /** Reception statistics so far. */
    @Override
    public RtpStreamStats.Snapshot stats() {
        return stats.snapshot();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Unregisters the stream; waits until the receiver's event loop has dropped it. Idempotent. */
    @Override
    public void close() {
        receiver.unregister(this);
    }

    /** How often the sender switched to another SSRC on the same address. */
    public long ssrcChanges() {
        return ssrcChanges;
    }

    /** Where the last packet came from, or null before the first one. */
    public InetSocketAddress lastSender() {
        return lastSender;
    }

    /** The source now sends with {@code newSsrc}. */
    void ssrcChanged(long newSsrc) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            this.ssrc = newSsrc;
            ssrcChanges++;
            reorder.sourceRestarted();
        }
    }

    /** Binds a wildcard registration to the SSRC it receives. */
    void bind(long boundSsrc) {
        this.ssrc = boundSsrc;
    }

    /**
     * Runs on a reader's event loop for every valid packet of this stream; drops it once the
     * registration is closed. A new sender address is reported to {@code table} for SSRC following.
     */
    void onPacket(RtpHeader header, ByteBuf packet, InetSocketAddress sender, long arrivalNanos, RtpSsrcTable table) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (!sender.equals(lastSender)) {
                lastSender = sender;
                table.senderMoved(this, sender);
            }
            RtpReorderBuffer.Outcome outcome = reorder.offer(header, packet, sender, arrivalNanos);
            stats.record(header, arrivalNanos, outcome == RtpReorderBuffer.Outcome.DUPLICATE);
        }
    }

    /** Releases held packets; once this returns no packet is being delivered and none will be. */
    void release() {
        synchronized (lock) {
            closed = true;
            reorder.close();
        }
    }
}
