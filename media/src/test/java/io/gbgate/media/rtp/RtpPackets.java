package io.gbgate.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Builds RTP packets for tests. */
final class RtpPackets {
    private RtpPackets() {
    }

    /** A packet with a fixed header and {@code payload}. */
    static ByteBuf packet(long ssrc, int sequence, long timestamp, boolean marker, byte[] payload) {
        ByteBuf packet = Unpooled.buffer(RtpHeader.FIXED_HEADER_SIZE + payload.length);
        packet.writeByte(0x80);
        packet.writeByte((marker ? 0x80 : 0) | 96);
        packet.writeShort(sequence);
        packet.writeInt((int) timestamp);
        packet.writeInt((int) ssrc);
        packet.writeBytes(payload);
        return packet;
    }

    /** A packet whose 2-byte payload is its own sequence number. */
    static ByteBuf numbered(long ssrc, int sequence) {
        return packet(ssrc, sequence, 3600L * sequence, false,
                new byte[] {(byte) (sequence >> 8), (byte) sequence});
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
