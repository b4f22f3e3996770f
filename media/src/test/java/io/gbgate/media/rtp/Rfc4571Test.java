package io.gbgate.media.rtp;

import static io.gbgate.media.rtp.RtpPackets.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.NettyLeakGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakGuard.class)
class Rfc4571Test {

    @Test
    void readsEveryPacketOfTheCameraRecording() throws IOException {
        Path file = CameraTestData.cameraFile("d1-h264-704x576.rtp4571");
        long[] framedBytes = {0};
        int[] valid = {0};
        int count = Rfc4571.readFile(file, PooledByteBufAllocator.DEFAULT, packet -> {
            framedBytes[0] += Rfc4571.LENGTH_PREFIX_BYTES + packet.readableBytes();
            RtpHeader header = RtpHeader.parse(packet);
            if (header != null && header.ssrc() == CameraTestData.D1_SSRC && header.payloadType() == 96) {
                valid[0]++;
            }
            packet.release();
        });
        assertThat(count).isEqualTo(CameraTestData.D1_PACKETS);
        assertThat(valid[0]).isEqualTo(CameraTestData.D1_PACKETS);
        assertThat(framedBytes[0]).isEqualTo(Files.size(file));
    }

    @Test
    void nettyFrameDecoderYieldsTheSamePacketsAsTheStreamReader() throws IOException {
        Path file = CameraTestData.cameraFile("d1-h264-704x576.rtp4571");
        List<ByteBuf> expected = new ArrayList<>();
        Rfc4571.readFile(file, PooledByteBufAllocator.DEFAULT, expected::add);
        // the first 300 packets keep the test quick under PARANOID leak tracking
        expected.subList(300, expected.size()).forEach(ByteBuf::release);
        expected.subList(300, expected.size()).clear();
        ByteBuf framed = Unpooled.buffer();
        expected.forEach(packet -> Rfc4571.writePacket(packet, framed));
        byte[] stream = ByteBufUtil.getBytes(framed);
        framed.release();
        assertThat(stream).startsWith(Arrays.copyOf(Files.readAllBytes(file), stream.length));
        EmbeddedChannel channel = new EmbeddedChannel(Rfc4571.newFrameDecoder());
        // feed in awkward 1000-byte pieces so frames straddle reads
        for (int offset = 0; offset < stream.length; offset += 1000) {
            channel.writeInbound(Unpooled.wrappedBuffer(stream, offset, Math.min(1000, stream.length - offset)));
        }
        for (ByteBuf want : expected) {
            ByteBuf got = channel.readInbound();
            assertThat(got).isNotNull();
            assertThat(ByteBufUtil.equals(got, want)).isTrue();
            got.release();
            want.release();
        }
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void writePacketRoundTripsThroughReadPacket() throws IOException {
        ByteBuf packet = RtpPackets.numbered(9, 1234);
        ByteBuf framed = Unpooled.buffer();
        Rfc4571.writePacket(packet, framed);
        Rfc4571.writePacket(Unpooled.EMPTY_BUFFER, framed);
        assertThat(framed.getUnsignedShort(0)).isEqualTo(14);
        ByteArrayInputStream in = new ByteArrayInputStream(ByteBufUtil.getBytes(framed));
        ByteBuf read = Rfc4571.readPacket(in, PooledByteBufAllocator.DEFAULT);
        assertThat(ByteBufUtil.equals(read, packet)).isTrue();
        ByteBuf empty = Rfc4571.readPacket(in, PooledByteBufAllocator.DEFAULT);
        assertThat(empty.readableBytes()).isZero();
        assertThat(Rfc4571.readPacket(in, PooledByteBufAllocator.DEFAULT)).isNull();
        read.release();
        empty.release();
        packet.release();
        framed.release();
    }

    @Test
    void truncatedStreamsFailWithEofAndLeakNothing() {
        assertThatThrownBy(() -> Rfc4571.readPacket(new ByteArrayInputStream(bytes(0)), PooledByteBufAllocator.DEFAULT))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> Rfc4571.readPacket(new ByteArrayInputStream(bytes(0, 5, 1, 2)),
                PooledByteBufAllocator.DEFAULT))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("2 of 5");
    }

    @Test
    void oversizedPacketCannotBeFramed() {
        ByteBuf huge = Unpooled.buffer(70_000).writeZero(70_000);
        assertThatThrownBy(() -> Rfc4571.writePacket(huge, Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class);
        huge.release();
    }
}
