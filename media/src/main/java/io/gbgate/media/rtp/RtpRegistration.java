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
    private InetSocketAddress lastSender;

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

    /** Runs on the event loop: the source now sends with {@code newSsrc}. */
    void ssrcChanged(long newSsrc) {
        this.ssrc = newSsrc;
        ssrcChanges++;
        reorder.sourceRestarted();
    }

    /** Runs on the event loop; true when {@code sender} differs from the previous packet's. */
    boolean senderChanged(InetSocketAddress sender) {
        if (sender.equals(lastSender)) {
            return false;
        }
        lastSender = sender;
        return true;
    }

    /** Runs on the event loop. */
    void bind(long boundSsrc) {
        this.ssrc = boundSsrc;
    }

    /** Runs on the event loop for every valid packet of this stream. */
    void onPacket(RtpHeader header, ByteBuf packet, InetSocketAddress sender, long arrivalNanos) {
        RtpReorderBuffer.Outcome outcome = reorder.offer(header, packet, sender, arrivalNanos);
        stats.record(header, arrivalNanos, outcome == RtpReorderBuffer.Outcome.DUPLICATE);
    }

    /** Runs on the event loop; releases held packets. */
    void release() {
        closed = true;
        reorder.close();
    }
}
