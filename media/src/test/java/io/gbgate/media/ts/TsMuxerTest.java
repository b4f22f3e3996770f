package io.gbgate.media.ts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.ts.TsInspector.Packet;
import io.gbgate.media.ts.TsInspector.Pes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakGuard.class)
class TsMuxerTest {
    private static final byte[] H264_AUD = {0, 0, 0, 1, 0x09, (byte) 0xF0};
    private final PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private final ByteBuf out = alloc.buffer();

    @AfterEach
    void releaseOutput() {
        out.release();
    }

    @Test
    void packetsAre188BytesWithSyncAndContinuityPerPid() {
        TsMuxer muxer = new TsMuxer(Codec.H264, Codec.AAC);
        long pts = 0;
        for (int i = 0; i < 40; i++) {
            // sizes around packet boundaries exercise every stuffing length, including 1 and 2 bytes
            writeVideo(muxer, i % 10 == 0, pts, pts, 150 + i * 37);
            writeAudio(muxer, pts, 20 + i);
            pts += 3600;
        }
        byte[] ts = bytes();
        List<Packet> packets = TsInspector.packets(ts);
        assertThat(packets).hasSize((int) muxer.packetsWritten());
        TsInspector.assertContinuity(packets);
        assertThat(packets).extracting(Packet::pid).containsOnly(0, 0x1000, 0x100, 0x101);
        assertThat(packets.stream().filter(p -> p.pid() == 0x100).count()).isGreaterThan(16);
        assertThat(muxer.unitsWritten()).isEqualTo(80);
    }

    @Test
    void pesPayloadIsTheAccessUnitBehindAnInsertedAudExactlyOnce() {
        TsMuxer muxer = new TsMuxer(Codec.H264, null);
        int[] sizes = {10, 155, 156, 157, 158, 181, 182, 183, 184, 339, 340, 341, 5000};
        byte[][] units = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            units[i] = writeVideo(muxer, i == 0, 1000 + i, 1000 + i, sizes[i]);
        }
        // an access unit that already starts with an AUD keeps it and gets no second one
        byte[] withAud = concat(H264_AUD, nal(0x41, 300));
        write(muxer, Codec.H264, false, 9000, 9000, withAud);

        List<Pes> pes = TsInspector.pes(TsInspector.packets(bytes()), TsMuxer.VIDEO_PID);
        assertThat(pes).hasSize(sizes.length + 1);
        for (int i = 0; i < sizes.length; i++) {
            assertThat(pes.get(i).streamId()).isEqualTo(0xE0);
            assertThat(pes.get(i).declaredLength()).isZero();
            assertThat(pes.get(i).payload()).isEqualTo(concat(H264_AUD, units[i]));
        }
        assertThat(pes.get(sizes.length).payload()).isEqualTo(withAud);
    }

    @Test
    void h265GetsAnH265Aud() {
        TsMuxer muxer = new TsMuxer(Codec.H265, null);
        byte[] idr = nal(0x26, 500); // IDR_W_RADL: type 19
        write(muxer, Codec.H265, true, 0, 0, idr);
        List<Packet> packets = TsInspector.packets(bytes());
        byte[] pmt = TsInspector.section(packets.get(1));
        assertThat(pmt[12] & 0xFF).as("stream_type").isEqualTo(0x24);
        Pes pes = TsInspector.pes(packets, TsMuxer.VIDEO_PID).get(0);
        assertThat(pes.payload()).isEqualTo(concat(new byte[] {0, 0, 0, 1, 0x46, 0x01, 0x50}, idr));
    }

    @Test
    void patAndPmtDescribeTheProgramWithValidCrc() {
        assertThat(Crc32Mpeg2.compute("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9))
                .as("CRC-32/MPEG-2 check value").isEqualTo(0x0376E6E7);

        TsMuxer muxer = new TsMuxer(Codec.H264, Codec.AAC);
        muxer.writeTables(out);
        List<Packet> packets = TsInspector.packets(bytes());
        assertThat(packets).extracting(Packet::pid).containsExactly(0, 0x1000);

        byte[] pat = TsInspector.section(packets.get(0));
        assertThat(pat[0]).as("table_id").isEqualTo((byte) 0);
        assertThat(Crc32Mpeg2.compute(pat, 0, pat.length)).as("CRC residue").isZero();
        assertThat(u16(pat, 8)).as("program_number").isEqualTo(1);
        assertThat(u16(pat, 10) & 0x1FFF).as("PMT PID").isEqualTo(0x1000);
        assertThat(Arrays.copyOfRange(packets.get(0).payload(), 1 + pat.length, 184))
                .as("section stuffing").containsOnly((byte) 0xFF);

        byte[] pmt = TsInspector.section(packets.get(1));
        assertThat(pmt[0]).as("table_id").isEqualTo((byte) 2);
        assertThat(Crc32Mpeg2.compute(pmt, 0, pmt.length)).as("CRC residue").isZero();
        assertThat(u16(pmt, 8) & 0x1FFF).as("PCR PID").isEqualTo(0x100);
        assertThat(pmt[12] & 0xFF).isEqualTo(0x1B);
        assertThat(u16(pmt, 13) & 0x1FFF).isEqualTo(0x100);
        assertThat(pmt[17] & 0xFF).isEqualTo(0x0F);
        assertThat(u16(pmt, 18) & 0x1FFF).isEqualTo(0x101);
        assertThat(pmt.length).isEqualTo(12 + 10 + 4);

        // one bit flipped anywhere breaks the CRC
        pmt[13] ^= 0x04;
        assertThat(Crc32Mpeg2.compute(pmt, 0, pmt.length)).isNotZero();
    }

    @Test
    void ptsAndDtsAreEncodedModulo33BitsAndDtsOnlyWhenDifferent() {
        TsMuxer muxer = new TsMuxer(Codec.H264, null);
        long wrap = 1L << 33;
        writeVideo(muxer, true, 0x1_2345_6789L, 0x1_2345_6789L, 100);
        writeVideo(muxer, false, wrap + 7_200, wrap - 3_600, 100);
        writeVideo(muxer, false, 1L << 32 | 0x5555_5555L, 0xAAAA_AAAAL, 100);

        List<Pes> pes = TsInspector.pes(TsInspector.packets(bytes()), TsMuxer.VIDEO_PID);
        assertThat(pes.get(0).pts()).isEqualTo(0x1_2345_6789L);
        assertThat(pes.get(0).dts()).as("no DTS when equal to PTS").isEqualTo(-1);
        assertThat(pes.get(1).pts()).isEqualTo(7_200);
        assertThat(pes.get(1).dts()).isEqualTo(wrap - 3_600);
        assertThat(pes.get(2).pts()).isEqualTo(1L << 32 | 0x5555_5555L);
        assertThat(pes.get(2).dts()).isEqualTo(0xAAAA_AAAAL);

        byte[] field = new byte[5];
        PesHeader.writeTimestamp(field, 0, 0x2, 0x1_FFFF_FFFFL);
        assertThat(field).containsExactly(0x2F, 0xFF, 0xFF, 0xFF, 0xFF);
        PesHeader.writeTimestamp(field, 0, 0x3, 0);
        assertThat(field).containsExactly(0x31, 0x00, 0x01, 0x00, 0x01);
        PesHeader.writeTimestamp(field, 0, 0x2, 123_456_789L);
        assertThat(PesHeader.readTimestamp(field, 0)).isEqualTo(123_456_789L);
    }

    @Test
    void keyframesStartWithTablesRandomAccessAndPcr() {
        TsMuxer muxer = new TsMuxer(Codec.H264, null);
        writeVideo(muxer, true, 100_000, 100_000, 2000);
        writeVideo(muxer, false, 103_600, 103_600, 2000);
        writeVideo(muxer, true, 107_200, 107_200, 2000);
        List<Packet> packets = TsInspector.packets(bytes());

        assertThat(packets.get(0).pid()).isZero();
        assertThat(packets.get(1).pid()).isEqualTo(0x1000);
        List<Packet> starts = packets.stream().filter(p -> p.pid() == 0x100 && p.unitStart()).toList();
        assertThat(starts).hasSize(3);
        assertThat(starts).extracting(Packet::randomAccess).containsExactly(true, false, true);
        assertThat(starts).extracting(Packet::pcrBase)
                .containsExactly(100_000 - TsMuxer.PCR_LEAD_TICKS, 103_600 - TsMuxer.PCR_LEAD_TICKS,
                        107_200 - TsMuxer.PCR_LEAD_TICKS);
        int secondKey = packets.indexOf(starts.get(2));
        assertThat(packets.get(secondKey - 2).pid()).as("PAT before the second keyframe").isZero();
        assertThat(packets.get(secondKey - 1).pid()).as("PMT before the second keyframe").isEqualTo(0x1000);
        assertThat(packets.stream().filter(p -> p.pid() == 0x100 && !p.unitStart()))
                .allMatch(p -> p.pcrBase() < 0 && !p.randomAccess());
    }

    @Test
    void audioPesIsBoundedOnItsOwnPid() {
        TsMuxer muxer = new TsMuxer(Codec.H264, Codec.AAC);
        byte[] adts = writeAudio(muxer, 90_000, 371);
        Pes pes = TsInspector.pes(TsInspector.packets(bytes()), TsMuxer.AUDIO_PID).get(0);
        assertThat(pes.streamId()).isEqualTo(0xC0);
        assertThat(pes.declaredLength()).isEqualTo(3 + 5 + 371);
        assertThat(pes.pts()).isEqualTo(90_000);
        assertThat(pes.payload()).isEqualTo(adts);
    }

    @Test
    void codecsOutsideTheProgramAreSkippedAndBadUnitsCounted() {
        TsMuxer muxer = new TsMuxer(Codec.H264, null);
        assertThat(write(muxer, Codec.G711A, false, 0, 0, new byte[160])).isFalse();
        assertThat(write(muxer, Codec.AAC, false, 0, 0, new byte[100])).isFalse();
        assertThat(write(muxer, Codec.H265, true, 0, 0, nal(0x26, 10))).isFalse();
        assertThat(muxer.unitsSkipped()).isEqualTo(3);

        assertThat(write(muxer, Codec.H264, true, 0, 0, new byte[] {1, 2, 3, 4, 5, 6})).as("no start code").isFalse();
        assertThat(write(muxer, Codec.H264, false, 0, 0, new byte[0])).as("empty").isFalse();
        assertThat(write(muxer, Codec.H264, false, 0, 0, new byte[] {0, 0, 1})).as("start code only").isFalse();
        assertThat(muxer.unitsMalformed()).isEqualTo(3);
        assertThat(out.readableBytes()).isZero();

        assertThatThrownBy(() -> new TsMuxer(Codec.H264, Codec.G711A)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AAC");
        assertThatThrownBy(() -> new TsMuxer(Codec.AAC, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] writeVideo(TsMuxer muxer, boolean key, long pts, long dts, int size) {
        byte[] unit = nal(key ? 0x65 : 0x41, size);
        assertThat(write(muxer, Codec.H264, key, pts, dts, unit)).isTrue();
        return unit;
    }

    private byte[] writeAudio(TsMuxer muxer, long pts, int size) {
        byte[] frame = new byte[size];
        Arrays.fill(frame, (byte) 0x5A);
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xF1;
        assertThat(write(muxer, Codec.AAC, false, pts, pts, frame)).isTrue();
        return frame;
    }

    private boolean write(TsMuxer muxer, Codec codec, boolean key, long pts, long dts, byte[] payload) {
        ByteBuf data = alloc.buffer(payload.length).writeBytes(payload);
        AccessUnit unit = new AccessUnit(codec, pts, dts, key, data);
        try {
            int readerIndex = data.readerIndex();
            boolean written = muxer.write(unit, out);
            assertThat(data.readerIndex()).as("source indices untouched").isEqualTo(readerIndex);
            return written;
        } finally {
            unit.release();
        }
    }

    private byte[] bytes() {
        return ByteBufUtil.getBytes(out);
    }

    /** A 4-byte start code, the NAL header and a counting body: {@code size} bytes in all. */
    private static byte[] nal(int header, int size) {
        byte[] b = new byte[Math.max(size, 6)];
        b[3] = 1;
        b[4] = (byte) header;
        for (int i = 5; i < b.length; i++) {
            b[i] = (byte) (i % 251 + 2);
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
