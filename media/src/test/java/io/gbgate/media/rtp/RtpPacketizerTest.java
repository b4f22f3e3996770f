package io.gbgate.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.NettyLeakGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakGuard.class)
class RtpPacketizerTest {

    @Test
    void splitsAFrameIntoMaxSizedPacketsWithMarkerOnTheLast() {
        RtpPacketizer packetizer = new RtpPacketizer(0x05F5ED76L, 96, 1400, 100, PooledByteBufAllocator.DEFAULT);
        byte[] frame = randomBytes(3012, 1);
        ByteBuf frameBuf = Unpooled.wrappedBuffer(frame);
        List<ByteBuf> packets = new ArrayList<>();
        assertThat(packetizer.packetize(frameBuf, 0x1_0000_0E10L, packets::add)).isEqualTo(3);
        assertThat(frameBuf.readerIndex()).isZero();

        List<RtpHeader> headers = packets.stream().map(RtpHeader::parse).toList();
        assertThat(headers).extracting(RtpHeader::sequence).containsExactly(100, 101, 102);
        assertThat(headers).extracting(RtpHeader::marker).containsExactly(false, false, true);
        assertThat(headers).extracting(RtpHeader::payloadLength).containsExactly(1400, 1400, 212);
        assertThat(headers).extracting(RtpHeader::timestamp).containsOnly(0x0E10L); // low 32 bits
        assertThat(headers).extracting(RtpHeader::ssrc).containsOnly(0x05F5ED76L);
        assertThat(headers).extracting(RtpHeader::payloadType).containsOnly(96);
        assertThat(reassemble(packets)).isEqualTo(frame);
        assertThat(packetizer.nextSequence()).isEqualTo(103);
        packets.forEach(ByteBuf::release);
        frameBuf.release();
    }

    @Test
    void sequenceWrapsAndFramesOfExactlyMaxPayloadAreOnePacket() {
        RtpPacketizer packetizer = new RtpPacketizer(7, 33, 100, 65_535, PooledByteBufAllocator.DEFAULT);
        List<ByteBuf> packets = new ArrayList<>();
        ByteBuf frame = Unpooled.wrappedBuffer(randomBytes(100, 2));
        packetizer.packetize(frame, 0, packets::add);
        packetizer.packetize(frame, 3600, packets::add);
        List<RtpHeader> headers = packets.stream().map(RtpHeader::parse).toList();
        assertThat(headers).extracting(RtpHeader::sequence).containsExactly(65_535, 0);
        assertThat(headers).extracting(RtpHeader::marker).containsExactly(true, true);
        assertThat(headers).extracting(RtpHeader::payloadType).containsOnly(33);
        packets.forEach(ByteBuf::release);
        frame.release();
    }

    @Test
    void honoursTheFramesReaderIndex() {
        RtpPacketizer packetizer = new RtpPacketizer(7, PooledByteBufAllocator.DEFAULT);
        ByteBuf frame = Unpooled.wrappedBuffer(new byte[] {9, 9, 1, 2, 3});
        frame.readerIndex(2);
        List<ByteBuf> packets = new ArrayList<>();
        packetizer.packetize(frame, 0, packets::add);
        assertThat(reassemble(packets)).containsExactly(1, 2, 3);
        packets.forEach(ByteBuf::release);
        frame.release();
    }

    @Test
    void rejectsEmptyFramesAndBadSettings() {
        RtpPacketizer packetizer = new RtpPacketizer(7, PooledByteBufAllocator.DEFAULT);
        assertThatThrownBy(() -> packetizer.packetize(Unpooled.EMPTY_BUFFER, 0, ByteBuf::release))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPacketizer(-1, PooledByteBufAllocator.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPacketizer(1, 128, 1400, 0, PooledByteBufAllocator.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPacketizer(1, 96, 0, 0, PooledByteBufAllocator.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPacketizer(1, 96, 1400, 65_536, PooledByteBufAllocator.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] reassemble(List<ByteBuf> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf packet : packets) {
            RtpHeader header = RtpHeader.parse(packet);
            out.writeBytes(ByteBufUtil.getBytes(packet, header.payloadOffset(), header.payloadLength()));
        }
        return out.toByteArray();
    }
}
