package io.gbgate.media.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * A recorded RTP stream held in one buffer: packet {@code i} spans {@code [start(i), start(i + 1))}.
 * A benchmark points the buffer's indices at one packet at a time, so replaying allocates nothing.
 */
final class RtpPackets {
    private final ByteBuf bytes;
    private final int[] starts;

    private RtpPackets(ByteBuf bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
    }

    int count() {
        return starts.length - 1;
    }

    /** Total bytes of all packets, RTP headers included. */
    int totalBytes() {
        return starts[starts.length - 1];
    }

    /** The shared buffer with its readable bytes set to packet {@code index}; valid until the next call. */
    ByteBuf packet(int index) {
        return bytes.setIndex(starts[index], starts[index + 1]);
    }

    void release() {
        bytes.release();
    }

    /** Collects packets in order. */
    static final class Builder {
        private final ByteBuf bytes = Unpooled.buffer(4 << 20);
        private int[] starts = new int[4096];
        private int count;

        void add(ByteBuf packet) {
            if (count + 1 == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            bytes.writeBytes(packet, packet.readerIndex(), packet.readableBytes());
            starts[++count] = bytes.writerIndex();
        }

        RtpPackets build() {
            if (count == 0) {
                throw new IllegalStateException("the RTP recording holds no packet");
            }
            return new RtpPackets(bytes, Arrays.copyOf(starts, count + 1));
        }
    }
}
