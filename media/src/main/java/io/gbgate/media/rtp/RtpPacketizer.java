package io.gbgate.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.Consumer;

/**
 * Splits frames (one PS pack sequence per video frame, as GB28181 devices send them) into RTP
 * packets: fixed 12-byte header, no CSRC, no extension, no padding, consecutive sequence numbers,
 * the frame's 90 kHz timestamp on every packet and the marker bit on the last packet of a frame.
 *
 * <p>Pure: no I/O, no clock. Each packet is a new buffer from the given allocator (pooled by
 * default) whose ownership passes to the consumer. Not thread-safe: it owns the sequence counter.
 */
public final class RtpPacketizer {
    /** Dynamic payload type GB28181 uses for PS. */
    public static final int DEFAULT_PAYLOAD_TYPE = 96;
    /** Payload bytes per packet that keep a datagram under a 1500-byte Ethernet MTU. */
    public static final int DEFAULT_MAX_PAYLOAD = 1400;

    private final long ssrc;
    private final int payloadType;
    private final int maxPayload;
    private final ByteBufAllocator allocator;
    private int nextSequence;

    /** A packetizer with PT 96, 1400-byte payloads and sequence numbers starting at 0. */
    public RtpPacketizer(long ssrc, ByteBufAllocator allocator) {
        this(ssrc, DEFAULT_PAYLOAD_TYPE, DEFAULT_MAX_PAYLOAD, 0, allocator);
    }

    /**
     * @param ssrc          unsigned 32-bit synchronisation source
     * @param payloadType   0..127
     * @param maxPayload    payload bytes per packet, 1..65495
     * @param firstSequence sequence number of the first packet, 0..65535
     * @param allocator     where packet buffers come from
     */
    public RtpPacketizer(long ssrc, int payloadType, int maxPayload, int firstSequence,
                         ByteBufAllocator allocator) {
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC must be an unsigned 32-bit value, got " + ssrc);
        }
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127, got " + payloadType);
        }
        if (maxPayload < 1 || maxPayload > 65_495) {
            throw new IllegalArgumentException("max payload must be 1..65495 bytes, got " + maxPayload);
        }
        if (firstSequence < 0 || firstSequence > 0xFFFF) {
            throw new IllegalArgumentException("sequence must be 0..65535, got " + firstSequence);
        }
        this.ssrc = ssrc;
        this.payloadType = payloadType;
        this.maxPayload = maxPayload;
        this.nextSequence = firstSequence;
        this.allocator = allocator;
    }

    /**
     * Packetizes the readable bytes of {@code frame} (its indices are left unchanged; the caller
     * keeps its reference) and passes each packet to {@code out}, which then owns it.
     *
     * @param timestamp90k the frame's timestamp; only its low 32 bits are sent
     * @return the number of packets produced
     * @throws IllegalArgumentException when the frame is empty
     */
    public int packetize(ByteBuf frame, long timestamp90k, Consumer<ByteBuf> out) {
        int remaining = frame.readableBytes();
        if (remaining == 0) {
            throw new IllegalArgumentException("cannot packetize an empty frame");
        }
        int offset = frame.readerIndex();
        int count = 0;
        while (remaining > 0) {
            int length = Math.min(remaining, maxPayload);
            boolean last = length == remaining;
            ByteBuf packet = allocator.buffer(RtpHeader.FIXED_HEADER_SIZE + length);
            packet.writeByte(RtpHeader.VERSION << 6);
            packet.writeByte((last ? 0x80 : 0) | payloadType);
            packet.writeShort(nextSequence);
            packet.writeInt((int) timestamp90k);
            packet.writeInt((int) ssrc);
            packet.writeBytes(frame, offset, length);
            nextSequence = RtpSequence.add(nextSequence, 1);
            offset += length;
            remaining -= length;
            count++;
            out.accept(packet);
        }
        return count;
    }

    /** Sequence number the next packet will carry. */
    public int nextSequence() {
        return nextSequence;
    }

    public long ssrc() {
        return ssrc;
    }

    public int payloadType() {
        return payloadType;
    }

    public int maxPayload() {
        return maxPayload;
    }
}
