package io.gbgate.media.webrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.NettyLeakGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Protect then unprotect, in pooled direct buffers, with tampering, replays, reordering and rollover. */
@ExtendWith(NettyLeakGuard.class)
class SrtpRoundTripTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SrtpMasterKey key = randomKey();

    @Test
    void unprotectsTheLibsrtpVectorBackToPlaintext() {
        SrtpMasterKey master = new SrtpMasterKey(HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139"),
                HEX.parseHex("0ec675ad498afeebb6960b3aabe6"));
        ByteBuf packet = direct(HEX.parseHex("800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb"));
        try {
            assertThat(new SrtpUnprotector(master).unprotectRtp(packet)).isEqualTo(SrtpResult.OK);
            assertThat(ByteBufUtil.hexDump(packet)).isEqualTo("800f1234decafbadcafebabe" + "ab".repeat(16));
        } finally {
            packet.release();
        }
    }

    @Test
    void rtpSurvivesARoundTripAcrossTheSequenceWrap() {
        SrtpProtector protector = new SrtpProtector(key);
        SrtpUnprotector unprotector = new SrtpUnprotector(key);
        for (int i = 0; i < 20; i++) {
            int sequence = (65530 + i) & 0xFFFF;
            byte[] plain = rtp(sequence, 0x1234_5678, 300 + i);
            ByteBuf packet = direct(plain);
            try {
                protector.protectRtp(packet);
                assertThat(packet.readableBytes()).isEqualTo(plain.length + 10);
                assertThat(ByteBufUtil.getBytes(packet, 12, 16)).isNotEqualTo(Arrays.copyOfRange(plain, 12, 28));
                assertThat(unprotector.unprotectRtp(packet)).as("packet %d", sequence).isEqualTo(SrtpResult.OK);
                assertThat(ByteBufUtil.getBytes(packet)).isEqualTo(plain);
            } finally {
                packet.release();
            }
        }
    }

    @Test
    void tamperedReplayedAndShortPacketsAreRefused() {
        SrtpProtector protector = new SrtpProtector(key);
        SrtpUnprotector unprotector = new SrtpUnprotector(key);
        byte[] first = protect(protector, rtp(100, 7, 50));
        byte[] second = protect(protector, rtp(101, 7, 50));

        byte[] tampered = second.clone();
        tampered[20] ^= 1;
        assertThat(unprotect(unprotector, tampered)).isEqualTo(SrtpResult.AUTHENTICATION_FAILED);
        assertThat(unprotect(unprotector, second)).isEqualTo(SrtpResult.OK);
        assertThat(unprotect(unprotector, first)).as("late but in the window").isEqualTo(SrtpResult.OK);
        assertThat(unprotect(unprotector, second)).isEqualTo(SrtpResult.REPLAYED);
        assertThat(unprotect(unprotector, Arrays.copyOf(second, 15))).isEqualTo(SrtpResult.TOO_SHORT);
        assertThat(unprotect(new SrtpUnprotector(randomKey()), protect(protector, rtp(102, 7, 50))))
                .isEqualTo(SrtpResult.AUTHENTICATION_FAILED);
    }

    @Test
    void rtcpRoundTripsAndIsReplayProtected() {
        SrtpProtector protector = new SrtpProtector(key);
        SrtpUnprotector unprotector = new SrtpUnprotector(key);
        byte[] pli = HEX.parseHex("81ce0002" + "00000001" + "cafebabe");
        ByteBuf packet = direct(pli);
        try {
            protector.protectRtcp(packet);
            assertThat(packet.readableBytes()).isEqualTo(pli.length + 14);
            byte[] wire = ByteBufUtil.getBytes(packet);
            assertThat(unprotector.unprotectRtcp(packet)).isEqualTo(SrtpResult.OK);
            assertThat(ByteBufUtil.getBytes(packet)).isEqualTo(pli);

            ByteBuf replay = direct(wire);
            assertThat(unprotector.unprotectRtcp(replay)).isEqualTo(SrtpResult.REPLAYED);
            replay.release();
        } finally {
            packet.release();
        }
    }

    private static byte[] protect(SrtpProtector protector, byte[] plain) {
        ByteBuf packet = direct(plain);
        try {
            protector.protectRtp(packet);
            return ByteBufUtil.getBytes(packet);
        } finally {
            packet.release();
        }
    }

    private static SrtpResult unprotect(SrtpUnprotector unprotector, byte[] wire) {
        return unprotector.unprotectRtp(Unpooled.wrappedBuffer(wire.clone()));
    }

    private static byte[] rtp(int sequence, int ssrc, int payloadLength) {
        ByteBuf packet = Unpooled.buffer();
        packet.writeByte(0x80).writeByte(96).writeShort(sequence).writeInt(sequence * 3000).writeInt(ssrc);
        for (int i = 0; i < payloadLength; i++) {
            packet.writeByte(i * 7);
        }
        return ByteBufUtil.getBytes(packet);
    }

    private static ByteBuf direct(byte[] bytes) {
        return PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length + 16).writeBytes(bytes);
    }

    private static SrtpMasterKey randomKey() {
        byte[] k = new byte[16];
        byte[] s = new byte[14];
        RANDOM.nextBytes(k);
        RANDOM.nextBytes(s);
        return new SrtpMasterKey(k, s);
    }
}
