package io.gbgate.media.rtp;

import static io.gbgate.media.rtp.RtpPackets.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.NettyLeakGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(NettyLeakGuard.class)
class RtpHeaderTest {

    @Test
    void parsesFixedHeaderFields() {
        ByteBuf packet = RtpPackets.packet(0xF5F5ED76L, 65535, 0xFFFFFFF0L, true, bytes(1, 2, 3));
        RtpHeader header = RtpHeader.parse(packet);
        assertThat(header).isEqualTo(new RtpHeader(96, true, 65535, 0xFFFFFFF0L, 0xF5F5ED76L, 12, 3));
        assertThat(packet.readerIndex()).isZero();
        packet.release();
    }

    @Test
    void skipsCsrcListExtensionAndPaddingRelativeToReaderIndex() {
        ByteBuf packet = Unpooled.buffer();
        packet.writeBytes(bytes(0xEE, 0xEE, 0xEE)); // bytes before the packet, not part of it
        packet.readerIndex(3);
        packet.writeByte(0x80 | 0x20 | 0x10 | 2); // V=2, padding, extension, CC=2
        packet.writeByte(96);
        packet.writeShort(7);
        packet.writeInt(90_000);
        packet.writeInt(0x05F5ED76);
        packet.writeInt(1).writeInt(2); // CSRCs
        packet.writeShort(0xBEDE).writeShort(1).writeInt(0xAABBCCDD); // one-word extension
        packet.writeBytes(bytes(9, 8, 7, 6, 5)); // payload
        packet.writeBytes(bytes(0, 0, 3)); // 3 bytes of padding
        RtpHeader header = RtpHeader.parse(packet);
        assertThat(header).isNotNull();
        assertThat(header.payloadOffset()).isEqualTo(3 + 12 + 8 + 8);
        assertThat(header.payloadLength()).isEqualTo(5);
        assertThat(packet.getByte(header.payloadOffset())).isEqualTo((byte) 9);
        assertThat(header.sequence()).isEqualTo(7);
        assertThat(header.marker()).isFalse();
        packet.release();
    }

    @Test
    void acceptsEmptyPayload() {
        ByteBuf packet = RtpPackets.packet(1, 1, 1, false, new byte[0]);
        assertThat(RtpHeader.parse(packet).payloadLength()).isZero();
        packet.release();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 203, 204, 205, 206})
    void rtcpPacketTypesAreRejected(int packetType) {
        ByteBuf rtcp = Unpooled.buffer();
        rtcp.writeByte(0x81).writeByte(packetType).writeShort(6).writeInt(0x05F5ED76).writeZero(20);
        assertThat(RtpHeader.check(rtcp)).isEqualTo(RtpDropReason.RTCP);
        assertThat(RtpHeader.parse(rtcp)).isNull();
        assertThat(RtpHeader.isRtcp(rtcp)).isTrue();
        rtcp.release();
    }

    @Test
    void shortRtcpByeIsRtcpNotTooShort() {
        ByteBuf bye = Unpooled.wrappedBuffer(bytes(0x81, 203, 0, 1, 5, 0xF5, 0xED, 0x76));
        assertThat(RtpHeader.check(bye)).isEqualTo(RtpDropReason.RTCP);
        bye.release();
    }

    @Test
    void payloadType72To78WithoutMarkerIsStillRtp() {
        ByteBuf packet = Unpooled.buffer().writeByte(0x80).writeByte(72).writeShort(1).writeInt(0).writeInt(1);
        assertThat(RtpHeader.parse(packet)).isNotNull();
        packet.release();
    }

    @Test
    void reportsEachMalformation() {
        assertReason(bytes(), RtpDropReason.TOO_SHORT);
        assertReason(bytes(0x80), RtpDropReason.TOO_SHORT);
        assertReason(bytes(0x80, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0), RtpDropReason.TOO_SHORT);
        assertReason(bytes(0x40, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1), RtpDropReason.BAD_VERSION);
        assertReason(bytes(0x00, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1), RtpDropReason.BAD_VERSION);
        assertReason(bytes(0x8F, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0), RtpDropReason.CSRC_OVERRUN);
        assertReason(bytes(0x90, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE), RtpDropReason.EXTENSION_OVERRUN);
        assertReason(bytes(0x90, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0, 2, 1, 2, 3, 4),
                RtpDropReason.EXTENSION_OVERRUN);
        assertReason(bytes(0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 7, 0), RtpDropReason.BAD_PADDING);
        assertReason(bytes(0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 7, 3), RtpDropReason.BAD_PADDING);
        assertReason(bytes(0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1), RtpDropReason.BAD_PADDING);
    }

    @Test
    void paddingMayConsumeTheWholePayload() {
        ByteBuf packet = Unpooled.wrappedBuffer(bytes(0xA0, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2));
        assertThat(RtpHeader.parse(packet).payloadLength()).isZero();
        packet.release();
    }

    @Test
    void randomGarbageNeverThrowsAndParseAgreesWithCheck() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] datagram = new byte[random.nextInt(40)];
            random.nextBytes(datagram);
            if (random.nextBoolean() && datagram.length > 0) {
                datagram[0] = (byte) (0x80 | (datagram[0] & 0x3F)); // version 2: reach deeper checks
            }
            ByteBuf packet = Unpooled.wrappedBuffer(datagram);
            RtpDropReason reason = RtpHeader.check(packet);
            RtpHeader header = RtpHeader.parse(packet);
            assertThat(header == null).isEqualTo(reason != null);
            if (header != null) {
                assertThat(header.payloadOffset() + header.payloadLength()).isLessThanOrEqualTo(datagram.length);
                assertThat(header.payloadLength()).isNotNegative();
            }
            packet.release();
        }
    }

    private static void assertReason(byte[] datagram, RtpDropReason expected) {
        ByteBuf packet = Unpooled.wrappedBuffer(datagram);
        assertThat(RtpHeader.check(packet)).as("reason for %d bytes", datagram.length).isEqualTo(expected);
        assertThat(RtpHeader.parse(packet)).isNull();
        packet.release();
    }
}
