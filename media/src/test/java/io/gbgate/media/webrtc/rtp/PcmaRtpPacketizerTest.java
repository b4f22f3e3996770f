package io.gbgate.media.webrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcmaRtpPacketizerTest {

    @Test
    void splitsIntoTwentyMillisecondPacketsWithSampleTimestamps() {
        byte[] alaw = new byte[400];
        for (int i = 0; i < alaw.length; i++) {
            alaw[i] = (byte) (0xD5 ^ i);
        }
        RtpStreamWriter writer = new RtpStreamWriter(PcmaRtpPacketizer.PAYLOAD_TYPE, 0xABCDEF01L, 500,
                PooledByteBufAllocator.DEFAULT);
        PcmaRtpPacketizer packetizer = new PcmaRtpPacketizer(writer, PcmaRtpPacketizer.DEFAULT_SAMPLES_PER_PACKET, 1000);
        List<byte[]> packets = new ArrayList<>();

        packetizer.packetize(new AccessUnit(Codec.G711A, 90_000, 90_000, false, Unpooled.wrappedBuffer(alaw)), p -> {
            packets.add(ByteBufUtil.getBytes(p));
            p.release();
        });
        packetizer.packetize(new AccessUnit(Codec.G711A, 180_000, 180_000, false, Unpooled.wrappedBuffer(alaw, 0, 80)), p -> {
            packets.add(ByteBufUtil.getBytes(p));
            p.release();
        });

        assertThat(packets).extracting(p -> p.length - 12).containsExactly(160, 160, 80, 80);
        assertThat(packets).extracting(p -> p[1] & 0x7F).containsOnly(8);
        assertThat(packets).extracting(p -> (p[1] & 0x80) != 0).containsExactly(true, false, false, false);
        assertThat(packets).extracting(PcmaRtpPacketizerTest::timestamp).containsExactly(9000L, 9160L, 9320L, 17000L);
        assertThat(packets).extracting(p -> ((p[2] & 0xFF) << 8) | (p[3] & 0xFF)).containsExactly(500, 501, 502, 503);
        byte[] payload = new byte[400];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(packets.get(i), 12, payload, 160 * i, packets.get(i).length - 12);
        }
        assertThat(payload).isEqualTo(alaw);
        assertThat(Arrays.copyOfRange(packets.get(0), 8, 12)).containsExactly(0xAB, 0xCD, 0xEF, 0x01);
    }

    private static long timestamp(byte[] packet) {
        return ((packet[4] & 0xFFL) << 24) | ((packet[5] & 0xFFL) << 16) | ((packet[6] & 0xFFL) << 8) | (packet[7] & 0xFFL);
    }
}
