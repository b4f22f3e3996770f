package io.gbgate.media.rtp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the packets of one RTP stream back in sequence order within a small window.
 *
 * <p>The buffer is a fixed ring of {@code window} slots; slot {@code i} holds sequence number
 * {@code expected + ((i - head) mod window)}. A packet that is next in order is delivered at once
 * without being retained; an early packet is retained into its slot until the gap before it fills.
 * When a packet arrives that does not fit in the window, the missing packets at the front are
 * skipped and counted as lost, so one lost packet delays delivery by at most {@code window}
 * packets; with a maximum hold time, a gap is also given up once packets have waited behind it
 * that long (checked when the next packet arrives), so a low-rate stream does not stall for a
 * whole window on each loss. Sequence numbers wrap at 65536. Duplicates and packets behind the window position are
 * dropped and counted. A jump of thousands of sequence numbers (a restarted source) is only
 * followed when the next packet confirms it, as in RFC 3550 appendix A.1.
 *
 * <p>Not thread-safe: one thread (the stream's event loop) calls {@link #offer} and
 * {@link #close}. {@link #close} releases every held packet.
 */
public final class RtpReorderBuffer implements AutoCloseable {
    /** Default window, in packets. */
    public static final int DEFAULT_WINDOW = 64;
    /** Default longest wait for a missing packet, in nanoseconds (200 ms). */
    public static final long DEFAULT_MAX_HOLD_NANOS = 200_000_000L;
    /** {@code maxHoldNanos} value that turns the time limit off (only the window limits holding). */
    public static final long NO_HOLD_LIMIT = 0;

    private static final Logger log = LoggerFactory.getLogger(RtpReorderBuffer.class);
    private static final int NO_SEQUENCE = -1;

    /** What {@link #offer} did with a packet. */
    public enum Outcome {
        /** Delivered now or held for in-order delivery. */
        ACCEPTED,
        /** Same sequence number as a packet held or recently delivered; dropped. */
        DUPLICATE,
        /** Behind the window position (its slot was already delivered or skipped); dropped. */
        LATE,
        /** A far jump not yet confirmed by a following packet; dropped. */
        STRAY
    }

    private final RtpPacketListener listener;
    private final int window;
    private final long maxHoldNanos;
    private final RtpHeader[] headers;
    private final ByteBuf[] packets;
    private final InetSocketAddress[] senders;
    /** Sequence number last delivered from each slot, or NO_SEQUENCE when it was skipped. */
    private final int[] delivered;

    private boolean started;
    private boolean closed;
    private int head;
    private int expected;
    private int held;
    private int confirmSequence = NO_SEQUENCE;
    private long gapSinceNanos;

    private long lost;
    private long duplicates;
    private long late;
    private long strays;
    private long resyncs;
    private long listenerFailures;

    /** A buffer of {@link #DEFAULT_WINDOW} packets and no hold time limit. */
    public RtpReorderBuffer(RtpPacketListener listener) {
        this(listener, DEFAULT_WINDOW);
    }

    /** A buffer of {@code window} packets (1..1024) and no hold time limit. */
    public RtpReorderBuffer(RtpPacketListener listener, int window) {
        this(listener, window, NO_HOLD_LIMIT);
    }

    /**
     * A buffer of {@code window} packets (1..1024) that gives up a gap once packets have waited
     * {@code maxHoldNanos} behind it ({@link #NO_HOLD_LIMIT} for no limit).
     */
    public RtpReorderBuffer(RtpPacketListener listener, int window, long maxHoldNanos) {
        if (maxHoldNanos < 0) {
            throw new IllegalArgumentException("max hold time must not be negative, got " + maxHoldNanos);
        }
        if (window < 1 || window > 1024) {
            throw new IllegalArgumentException("reorder window must be 1..1024 packets, got " + window);
        }
        if (listener == null) {
            throw new IllegalArgumentException("listener is required");
        }
        this.listener = listener;
        this.window = window;
        this.maxHoldNanos = maxHoldNanos;
        this.headers = new RtpHeader[window];
        this.packets = new ByteBuf[window];
        this.senders = new InetSocketAddress[window];
        this.delivered = new int[window];
        Arrays.fill(delivered, NO_SEQUENCE);
    }

    /** Offers one packet arriving now; see {@link #offer(RtpHeader, ByteBuf, InetSocketAddress, long)}. */
    public Outcome offer(RtpHeader header, ByteBuf packet, InetSocketAddress sender) {
        return offer(header, packet, sender, maxHoldNanos == NO_HOLD_LIMIT ? 0 : System.nanoTime());
    }

    /**
     * Offers one parsed packet. The caller keeps its reference to {@code packet}; the buffer
     * retains it only while holding it. {@code packet}'s indices are restored after delivery.
     *
     * @param arrivalNanos arrival time on the {@link System#nanoTime()} clock, for the hold limit
     */
    public Outcome offer(RtpHeader header, ByteBuf packet, InetSocketAddress sender, long arrivalNanos) {
        if (closed) {
            throw new IllegalStateException("reorder buffer is closed");
        }
        if (held > 0 && maxHoldNanos != NO_HOLD_LIMIT && arrivalNanos - gapSinceNanos >= maxHoldNanos) {
            skipGap(arrivalNanos);
            if (closed) {
                return Outcome.ACCEPTED;
            }
        }
        int seq = header.sequence();
        if (!started) {
            started = true;
            expected = seq;
        }
        int distance = RtpSequence.distance(expected, seq);
        boolean far = distance >= RtpSequence.MAX_DROPOUT
                || distance < -Math.max(RtpSequence.MAX_MISORDER, window);
        if (far) {
            if (seq != confirmSequence) {
                confirmSequence = RtpSequence.add(seq, 1);
                strays++;
                return Outcome.STRAY;
            }
            resync(seq);
            distance = 0;
        }
        confirmSequence = NO_SEQUENCE;
        if (distance < 0) {
            if (distance >= -window && delivered[slotAt(distance + window)] == seq) {
                duplicates++;
                return Outcome.DUPLICATE;
            }
            late++;
            return Outcome.LATE;
        }
        if (distance >= window) {
            skip(distance - window + 1);
            distance = window - 1;
        }
        if (closed) {
            return Outcome.ACCEPTED; // a listener closed the buffer while earlier packets went out
        }
        if (distance == 0 && held == 0) {
            deliver(header, packet, sender);
            advance(seq);
            return Outcome.ACCEPTED;
        }
        int slot = slotAt(distance);
        if (packets[slot] != null) {
            duplicates++;
            return Outcome.DUPLICATE;
        }
        headers[slot] = header;
        packets[slot] = packet.retain();
        senders[slot] = sender;
        if (held++ == 0) {
            gapSinceNanos = arrivalNanos;
        }
        if (packets[head] != null) { // this packet filled the gap, or a window skip reached held ones
            drainInOrder();
            gapSinceNanos = arrivalNanos; // packets left are behind a new gap: their wait starts now
        }
        return Outcome.ACCEPTED;
    }

    /** Delivers every held packet in order, skipping (and counting) the gaps between them. */
    public void flush() {
        while (held > 0) {
            releaseHeadOrCountLoss();
        }
    }

    /**
     * The source restarted (for example it switched SSRC): delivers what is held, then takes the
     * next packet's sequence number as the new start instead of treating it as a jump.
     */
    public void sourceRestarted() {
        flush();
        started = false;
        confirmSequence = NO_SEQUENCE;
        Arrays.fill(delivered, NO_SEQUENCE);
    }

    /** Releases every held packet without delivering it. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < window; i++) {
            if (packets[i] != null) {
                packets[i].release();
                clearSlot(i);
            }
        }
        held = 0;
    }

    public int window() {
        return window;
    }

    /** Packets currently held waiting for a gap to fill. */
    public int held() {
        return held;
    }

    /** Sequence numbers skipped because the window overflowed (or on flush). */
    public long lost() {
        return lost;
    }

    public long duplicates() {
        return duplicates;
    }

    /** Packets dropped because their position had already been delivered or skipped. */
    public long late() {
        return late;
    }

    /** Far-jump packets dropped while waiting for confirmation. */
    public long strays() {
        return strays;
    }

    /** Times the buffer restarted at a confirmed far jump (source restart). */
    public long resyncs() {
        return resyncs;
    }

    /** Packets whose listener call threw; the exception was logged and the stream went on. */
    public long listenerFailures() {
        return listenerFailures;
    }

    private void resync(int seq) {
        flush();
        resyncs++;
        expected = seq;
        Arrays.fill(delivered, NO_SEQUENCE);
    }

    private void skip(int count) {
        int remaining = count;
        while (remaining > 0 && held > 0) {
            releaseHeadOrCountLoss();
            remaining--;
        }
        if (remaining == 0) {
            return;
        }
        lost += remaining;
        if (remaining >= window) {
            Arrays.fill(delivered, NO_SEQUENCE);
            head = (head + remaining) % window;
        } else {
            for (int i = 0; i < remaining; i++) {
                delivered[head] = NO_SEQUENCE;
                head = (head + 1) % window;
            }
        }
        expected = RtpSequence.add(expected, remaining);
    }

    /** Skips the missing packets at the front up to the first held one and delivers onwards. */
    private void skipGap(long nowNanos) {
        while (held > 0 && packets[head] == null) {
            releaseHeadOrCountLoss();
        }
        drainInOrder();
        gapSinceNanos = nowNanos;
    }

    private void drainInOrder() {
        while (packets[head] != null) {
            releaseHeadOrCountLoss();
        }
    }

    private void releaseHeadOrCountLoss() {
        ByteBuf packet = packets[head];
        if (packet == null) {
            lost++;
            delivered[head] = NO_SEQUENCE;
            head = (head + 1) % window;
            expected = RtpSequence.add(expected, 1);
            return;
        }
        RtpHeader header = headers[head];
        InetSocketAddress sender = senders[head];
        clearSlot(head);
        held--;
        try {
            deliver(header, packet, sender);
        } finally {
            packet.release();
        }
        advance(header.sequence());
    }

    private void advance(int deliveredSequence) {
        delivered[head] = deliveredSequence;
        head = (head + 1) % window;
        expected = RtpSequence.add(expected, 1);
    }

    private void deliver(RtpHeader header, ByteBuf packet, InetSocketAddress sender) {
        int readerIndex = packet.readerIndex();
        int writerIndex = packet.writerIndex();
        packet.setIndex(header.payloadOffset(), header.payloadOffset() + header.payloadLength());
        try {
            listener.onPacket(header, packet, sender);
        } catch (RuntimeException e) {
            if (listenerFailures++ == 0) {
                log.warn("RTP listener {} failed on ssrc {} seq {}; further failures are only counted",
                        listener, header.ssrc(), header.sequence(), e);
            }
        } finally {
            packet.setIndex(readerIndex, writerIndex);
        }
    }

    private int slotAt(int distanceFromHead) {
        return (head + distanceFromHead) % window;
    }

    private void clearSlot(int slot) {
        headers[slot] = null;
        packets[slot] = null;
        senders[slot] = null;
    }
}
