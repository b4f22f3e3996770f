package io.gbgate.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class BitReaderTest {

    @Test
    void readsFixedWidthFieldsMostSignificantBitFirst() {
        BitReader r = new BitReader(new byte[] {(byte) 0b1010_0110, (byte) 0xFF, 0x12, 0x34, 0x56, 0x78});
        assertThat(r.readBit()).isEqualTo(1);
        assertThat(r.readFlag()).isFalse();
        assertThat(r.readBits(3)).isEqualTo(0b100);
        assertThat(r.readBits(3)).isEqualTo(0b110);
        assertThat(r.readBits(8)).isEqualTo(0xFF);
        assertThat(r.readBitsLong(32)).isEqualTo(0x12345678L);
        assertThat(r.bitsRemaining()).isZero();
    }

    @Test
    void readsUnsignedExpGolombCodes() {
        // 1 | 010 | 011 | 00100 | 00111 | 0001000 -> 0, 1, 2, 3, 6, 7
        BitReader r = new BitReader(new BitWriter().bits(0b1_010_011_00100_00111_0001000L, 24).rbsp());
        assertThat(new int[] {r.readUe(), r.readUe(), r.readUe(), r.readUe(), r.readUe(), r.readUe()})
                .containsExactly(0, 1, 2, 3, 6, 7);
    }

    @Test
    void readsSignedExpGolombCodes() {
        // codeNum 0..4 map to 0, 1, -1, 2, -2
        BitReader r = new BitReader(new BitWriter().ue(0).ue(1).ue(2).ue(3).ue(4).rbsp());
        assertThat(new int[] {r.readSe(), r.readSe(), r.readSe(), r.readSe(), r.readSe()})
                .containsExactly(0, 1, -1, 2, -2);
    }

    @Test
    void roundTripsLargeExpGolombValues() {
        BitReader r = new BitReader(new BitWriter().ue(Integer.MAX_VALUE).se(-1_000_000).se(65535).rbsp());
        assertThat(r.readUe()).isEqualTo(Integer.MAX_VALUE);
        assertThat(r.readSe()).isEqualTo(-1_000_000);
        assertThat(r.readSe()).isEqualTo(65535);
    }

    @Test
    void rejectsExpGolombCodesBeyondThirtyTwoBits() {
        BitReader tooLong = new BitReader(new byte[] {0, 0, 0, 0, (byte) 0x80, 0, 0, 0, 0});
        assertThatThrownBy(tooLong::readUe).isInstanceOf(MalformedBitstreamException.class)
                .hasMessageContaining("leading zeros");
        BitReader overflow = new BitReader(new BitWriter().ue(Integer.MAX_VALUE + 1L).rbsp());
        assertThatThrownBy(overflow::readUe).isInstanceOf(MalformedBitstreamException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void truncatedInputThrowsInsteadOfReadingZeros() {
        BitReader r = new BitReader(new byte[] {0x00});
        assertThatThrownBy(r::readUe).isInstanceOf(MalformedBitstreamException.class)
                .hasMessageContaining("truncated");
        BitReader s = new BitReader(new byte[] {0x01});
        assertThatThrownBy(() -> s.skipBits(9)).isInstanceOf(MalformedBitstreamException.class);
    }

    @Test
    void boundedReadRejectsOutOfRangeValues() {
        BitReader r = new BitReader(new BitWriter().ue(40).rbsp());
        assertThatThrownBy(() -> r.readUe("seq_parameter_set_id", 31))
                .isInstanceOf(MalformedBitstreamException.class)
                .hasMessageContaining("seq_parameter_set_id = 40");
    }

    @Test
    void removesEmulationPreventionBytes() {
        byte[] escaped = {0x11, 0, 0, 3, 1, 0, 0, 3, 0, 0, 3, 3, 0, 0, 3};
        assertThat(BitReader.toRbsp(escaped)).containsExactly(0x11, 0, 0, 1, 0, 0, 0, 0, 3, 0, 0);
    }

    @Test
    void keepsThreeThatDoesNotFollowTwoZeros() {
        byte[] escaped = {0, 3, 0, 0, 0, 1, 3, 0, 5, 0, 0};
        assertThat(BitReader.toRbsp(escaped)).containsExactly(escaped);
    }

    @Test
    void fromNalReadsUnescapedBitsOfTheReadableRegion() {
        // payload bits 0x00 0x00 0x01 0xFF need escaping: 00 00 03 01 FF
        byte[] escaped = new BitWriter().bits(0x000001FFL, 32).nal();
        assertThat(escaped).startsWith(0, 0, 3, 1, (byte) 0xFF);
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[] {0x55}, escaped);
        buf.skipBytes(1);
        BitReader r = BitReader.fromNal(buf);
        assertThat(r.readBitsLong(32)).isEqualTo(0x000001FFL);
        assertThat(buf.readerIndex()).isEqualTo(1);
    }
}
