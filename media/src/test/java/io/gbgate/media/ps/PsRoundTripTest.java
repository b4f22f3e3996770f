package io.gbgate.media.ps;

import static io.gbgate.media.ps.PsTestSupport.cameraFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.ps.PsTestSupport.Capture;
import io.gbgate.media.ps.PsTestSupport.DemuxResult;
import io.gbgate.media.ps.PsTestSupport.UnitDigest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PsMuxer output is valid program stream: demux, mux, demux again gives the same access units. */
@ExtendWith(NettyLeakGuard.class)
class PsRoundTripTest {
    @Test
    void d1SurvivesMuxAndDemux() {
        DemuxResult original = PsTestSupport.demuxWhole(cameraFile(PsTestSupport.D1));
        PsMuxer muxer = new PsMuxer(Codec.H264, null);
        List<UnitDigest> units = original.units();

        Capture perUnit = new Capture();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (PsDemuxer demuxer = new PsDemuxer(PooledByteBufAllocator.DEFAULT, perUnit)) {
            for (int i = 0; i < units.size(); i++) {
                UnitDigest unit = units.get(i);
                byte[] ps = mux(muxer, new AccessUnit(unit.codec(), unit.pts(), unit.dts(), unit.keyframe(),
                        Unpooled.wrappedBuffer(original.capture().videoPayloads.get(i))));
                stream.writeBytes(ps);
                PsTestSupport.feed(demuxer, ps, () -> 1400); // like RTP payloads,
                demuxer.endOfFrame(); // the marker bit on the last one
            }
            assertThat(demuxer.stats().psms()).isEqualTo(54);
            assertThat(demuxer.stats().systemHeaders()).isEqualTo(54);
            assertThat(demuxer.stats().resyncs()).isZero();
        }
        assertThat(perUnit.units).isEqualTo(units);

        Random random = new Random(7);
        byte[] muxed = stream.toByteArray();
        assertThat(PsTestSupport.demux(muxed, () -> 1 + random.nextInt(2000)).units())
                .as("without end-of-frame hints, split by PTS only").isEqualTo(units);
    }

    @Test
    void largeH265UnitWithDtsIsSplitIntoBoundedPes() {
        byte[] payload = PsTestSupport.concat(List.of(
                nal(0x40, 0x01, 0x0C), nal(0x42, 0x01, 0x01), nal(0x44, 0x01, 0xC1),
                nal(0x26, 0x01, 0xAF), PsTestSupport.garbage(new Random(3), 200_000)));
        AccessUnit unit = new AccessUnit(Codec.H265, 1_000_000, 996_400, true, Unpooled.wrappedBuffer(payload));
        byte[] ps = mux(new PsMuxer(Codec.H265, Codec.AAC), unit);

        List<byte[]> packets = PsTestSupport.packets(ps);
        assertThat(packets.stream().map(PsTestSupport::streamId).toList())
                .containsExactly(0xBA, 0xBB, 0xBC, 0xE0, 0xE0, 0xE0, 0xE0);
        byte[] psm = packets.get(2);
        ByteBuf psmBuf = Unpooled.wrappedBuffer(psm);
        assertThat(MpegCrc32.compute(psmBuf, 0, psm.length)).as("CRC residue over the PSM").isZero();
        for (byte[] pes : packets.subList(3, packets.size())) {
            assertThat(pes.length - 6).isLessThanOrEqualTo(0xFFFF);
        }
        assertThat(packets.get(3)[7] & 0xC0).as("PTS and DTS on the first PES").isEqualTo(0xC0);
        assertThat(packets.subList(4, packets.size())).allSatisfy(pes -> assertThat(pes[7] & 0xC0).isZero());

        Capture capture = new Capture();
        try (PsDemuxer demuxer = new PsDemuxer(PooledByteBufAllocator.DEFAULT, capture)) {
            PsTestSupport.feed(demuxer, ps, () -> 1400);
            demuxer.endOfFrame();
            assertThat(demuxer.stats().psmCodecOverrides()).isZero();
        }
        assertThat(capture.units).containsExactly(new UnitDigest(Codec.H265, 1_000_000, 996_400, true,
                payload.length, PsTestSupport.sha256(payload)));
    }

    @Test
    void muxerRejectsCodecsOutsideItsStream() {
        PsMuxer muxer = new PsMuxer(Codec.H264, Codec.G711A);
        AccessUnit aac = new AccessUnit(Codec.AAC, 0, 0, true, Unpooled.wrappedBuffer(new byte[] {1}));
        assertThatThrownBy(() -> muxer.mux(aac, PooledByteBufAllocator.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AAC");
        assertThatThrownBy(() -> new PsMuxer(Codec.G711A, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PsMuxer(Codec.H264, Codec.H265)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mpegCrc32MatchesTheCatalogueCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(MpegCrc32.compute(Unpooled.wrappedBuffer(check), 0, check.length)).isEqualTo(0x0376E6E7);
    }

    private static byte[] nal(int... bytes) {
        byte[] nal = new byte[4 + bytes.length];
        nal[3] = 1;
        for (int i = 0; i < bytes.length; i++) {
            nal[4 + i] = (byte) bytes[i];
        }
        return nal;
    }

    /** Muxes and releases the unit; returns the PS bytes. */
    private static byte[] mux(PsMuxer muxer, AccessUnit unit) {
        try {
            ByteBuf ps = muxer.mux(unit, PooledByteBufAllocator.DEFAULT);
            try {
                return ByteBufUtil.getBytes(ps);
            } finally {
                ps.release();
            }
        } finally {
            unit.release();
        }
    }
}
