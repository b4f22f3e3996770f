package io.gbgate.media.webrtc.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The sending side of one RTP stream: payload type, SSRC and the running sequence number. Writes
 * the 12-byte fixed header (RFC 3550 section 5.1) into a fresh buffer sized for the payload.
 * Not thread-safe: one stream, one sender thread.
 */
public final class RtpStreamWriter {
    /** Size of the fixed RTP header this writer produces (no CSRCs, no extension). */
    public static final int HEADER_SIZE = 12;

    private final int payloadType;
    private final long ssrc;
    private final ByteBufAllocator allocator;
    private int nextSequence;
    private volatile long packets;
    private volatile long payloadBytes;

    public RtpStreamWriter(int payloadType, long ssrc, int firstSequence, ByteBufAllocator allocator) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("RTP payload type out of range: " + payloadType);
        }
        this.payloadType = payloadType;
        this.ssrc = ssrc & 0xFFFFFFFFL;
        this.nextSequence = firstSequence & 0xFFFF;
        this.allocator = allocator;
    }

    /** A new packet with its header written and room for {@code payloadLength} more bytes. */
    ByteBuf startPacket(int payloadLength, boolean marker, long timestamp) {
        ByteBuf packet = allocator.buffer(HEADER_SIZE + payloadLength);
        packet.writeByte(0x80);
        packet.writeByte((marker ? 0x80 : 0) | payloadType);
        packet.writeShort(nextSequence);
        packet.writeInt((int) timestamp);
        packet.writeInt((int) ssrc);
        nextSequence = (nextSequence + 1) & 0xFFFF;
        packets++;
        payloadBytes += payloadLength;
        return packet;
    }

    public int payloadType() {
        return payloadType;
    }

    public long ssrc() {
        return ssrc;
    }

    /** The sequence number the next packet will carry. */
    public int nextSequence() {
        return nextSequence;
    }

    /** Packets written so far (the sender's packet count for RTCP sender reports). */
    public long packetCount() {
        return packets;
    }

    /** Payload bytes written so far (the sender's octet count for RTCP sender reports). */
    public long payloadOctets() {
        return payloadBytes;
    }
}
