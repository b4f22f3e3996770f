package io.gbgate.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.List;

/** Collects payloads until a marker and records each completed frame. */
final class RtpFrameAssembler implements RtpPacketListener {

    /**
     * One frame as the receiver reassembled it: the packets up to and including a marker. A marker
     * missing or set too early merges or splits frames, which the byte comparison catches.
     */
    record ReceivedFrame(long timestamp, byte[] bytes, int packets, boolean oneTimestamp) {
    }

    private final List<ReceivedFrame> frames;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private int packets;
    private long timestamp;
    private boolean oneTimestamp = true;

    RtpFrameAssembler(List<ReceivedFrame> frames) {
        this.frames = frames;
    }

    @Override
    public void onPacket(RtpHeader header, ByteBuf payload, InetSocketAddress sender) {
        if (packets == 0) {
            timestamp = header.timestamp();
        }
        oneTimestamp &= header.timestamp() == timestamp;
        current.writeBytes(ByteBufUtil.getBytes(payload));
        packets++;
        if (header.marker()) {
            frames.add(new ReceivedFrame(timestamp, current.toByteArray(), packets, oneTimestamp));
            current.reset();
            packets = 0;
            oneTimestamp = true;
        }
    }
}
