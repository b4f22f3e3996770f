package io.gbgate.media.webrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.hls.AnnexBAccessUnits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakGuard.class)
class H264RtpPacketizerTest {
    private static final long OFFSET = 0xFFFF_F000L;
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SPS = HEX.parseHex("6742c01e95a0");
    private static final byte[] PPS = HEX.parseHex("68ce3c80");

    @Test
    void cameraAccessUnitsReassembleByteForByte() throws Exception {
        AnnexBAccessUnits camera = AnnexBAccessUnits.cameraD1();
        H264RtpPacketizer packetizer = packetizer(H264RtpPacketizer.DEFAULT_MTU, 65000);
        H264Depacketizer receiver = new H264Depacketizer();
        List<List<byte[]>> expected = new ArrayList<>();
        int[] stats = new int[3]; // packets, markers, STAP-A
        for (int i = 0; i < camera.size(); i++) {
            AccessUnit unit = camera.accessUnit(i, i * AnnexBAccessUnits.FRAME_TICKS, PooledByteBufAllocator.DEFAULT);
            try {
                expected.add(H264Depacketizer.nalUnits(ByteBufUtil.getBytes(unit.data()), 0, unit.size()));
                packetizer.packetize(unit, packet -> {
                    try {
                        assertThat(packet.readableBytes()).isLessThanOrEqualTo(H264RtpPacketizer.DEFAULT_MTU);
                        stats[0]++;
                        stats[1] += (packet.getByte(1) & 0x80) != 0 ? 1 : 0;
                        stats[2] += (packet.getByte(12) & 0x1F) == 24 ? 1 : 0;
                        receiver.accept(packet);
                    } finally {
                        packet.release();
                    }
                });
            } finally {
                unit.release();
            }
        }

        assertThat(receiver.accessUnits).hasSize(camera.size());
        assertThat(stats[1]).as("one marker per access unit").isEqualTo(camera.size());
        assertThat(stats[2]).as("one STAP-A per keyframe").isEqualTo(55);
        assertThat(stats[0]).isGreaterThan(camera.size() * 2);
        for (int i = 0; i < camera.size(); i++) {
            assertThat(receiver.accessUnits.get(i)).as("access unit %d", i)
                    .usingElementComparator(Arrays::compare).containsExactlyElementsOf(expected.get(i));
            assertThat(receiver.timestamps.get(i)).isEqualTo((OFFSET + i * AnnexBAccessUnits.FRAME_TICKS) & 0xFFFFFFFFL);
        }
    }

    @Test
    void idrWithoutParameterSetsGetsTheCachedOnes() {
        H264RtpPacketizer packetizer = packetizer(1200, 1);
        H264Depacketizer receiver = new H264Depacketizer();
        send(packetizer, receiver, true, annexB(SPS, PPS, HEX.parseHex("65888000aa")));
        send(packetizer, receiver, false, annexB(HEX.parseHex("419a0011")));
        send(packetizer, receiver, true, annexB(HEX.parseHex("09f0"), HEX.parseHex("65888000bb")));

        List<byte[]> lastKeyframe = receiver.accessUnits.get(2);
        assertThat(lastKeyframe).usingElementComparator(Arrays::compare)
                .containsExactly(SPS, PPS, HEX.parseHex("65888000bb"));
        assertThat(receiver.accessUnits.get(1)).hasSize(1);
    }

    @Test
    void fuAFragmentsCarryNriTypeAndStartEndBits() {
        byte[] big = new byte[2500];
        big[0] = 0x65;
        for (int i = 1; i < big.length; i++) {
            big[i] = (byte) (i % 251 + 1);
        }
        H264RtpPacketizer packetizer = packetizer(1200, 10);
        List<byte[]> packets = new ArrayList<>();
        AccessUnit unit = new AccessUnit(Codec.H264, 0, 0, true, Unpooled.wrappedBuffer(annexB(SPS, PPS, big)));
        packetizer.packetize(unit, packet -> {
            packets.add(ByteBufUtil.getBytes(packet));
            packet.release();
        });

        assertThat(packets).hasSize(4); // STAP-A + 3 fragments of 1186 payload bytes
        assertThat(packets.get(1)[12] & 0xFF).isEqualTo(0x60 | 28);
        assertThat(packets.get(1)[13] & 0xFF).isEqualTo(0x80 | 5);
        assertThat(packets.get(2)[13] & 0xFF).isEqualTo(5);
        assertThat(packets.get(3)[13] & 0xFF).isEqualTo(0x40 | 5);
        assertThat(packets.get(3)[1] & 0x80).as("marker on the last fragment").isEqualTo(0x80);
        assertThat(packets.get(1)[1] & 0x80).isZero();
        assertThat(packets.get(1).length).isEqualTo(1200);
        assertThat(((packets.get(0)[2] & 0xFF) << 8) | (packets.get(0)[3] & 0xFF)).isEqualTo(10);
    }

    @Test
    void rejectsOtherCodecsAndTinyMtus() {
        H264RtpPacketizer packetizer = packetizer(1200, 0);
        AccessUnit audio = new AccessUnit(Codec.G711A, 0, 0, false, Unpooled.wrappedBuffer(new byte[8]));
        assertThatThrownBy(() -> packetizer.packetize(audio, ByteBuf::release)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> packetizer(40, 0)).isInstanceOf(IllegalArgumentException.class);
        AccessUnit empty = new AccessUnit(Codec.H264, 0, 0, false, Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
        assertThat(packetizer.packetize(empty, ByteBuf::release)).isZero();
    }

    private static void send(H264RtpPacketizer packetizer, H264Depacketizer receiver, boolean key, byte[] annexB) {
        AccessUnit unit = new AccessUnit(Codec.H264, 0, 0, key, Unpooled.wrappedBuffer(annexB));
        packetizer.packetize(unit, packet -> {
            receiver.accept(packet);
            packet.release();
        });
    }

    private static byte[] annexB(byte[]... nals) {
        ByteBuf out = Unpooled.buffer();
        for (byte[] nal : nals) {
            out.writeInt(1).writeBytes(nal);
        }
        return ByteBufUtil.getBytes(out);
    }

    private static H264RtpPacketizer packetizer(int mtu, int firstSequence) {
        return new H264RtpPacketizer(new RtpStreamWriter(102, 0x1234, firstSequence, PooledByteBufAllocator.DEFAULT),
                mtu, OFFSET);
    }
}
