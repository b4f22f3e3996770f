package io.gbgate.media.fmp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.NettyLeakGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** H.265 framing in fMP4: hvcC fields from a real SPS, hvc1 sample entry, samples without parameter sets. */
@ExtendWith(NettyLeakGuard.class)
class HevcStructureTest {

    @Test
    void hvcCCarriesTheSpsProfileAndAllParameterSetArrays() {
        ParameterSets sets = parameterSetsOf(SyntheticHevc.keyframe(0));
        ByteBuf record = Unpooled.buffer();
        HevcDecoderConfigurationRecord.write(sets, record);
        byte[] hvcc = ByteBufUtil.getBytes(record);
        record.release();

        assertThat(hvcc[0]).as("configurationVersion").isEqualTo((byte) 1);
        // general profile_tier_level of the SPS with its emulation prevention bytes removed
        assertThat(Arrays.copyOfRange(hvcc, 1, 13)).containsExactly(
                0x21, 0x40, 0x00, 0x00, 0x00, 0x90, 0x00, 0x00, 0x00, 0x00, 0x00, 0x96);
        assertThat(hvcc[16] & 0xFF).as("4:2:0").isEqualTo(0xFD);
        assertThat(hvcc[17] & 0xFF).as("8-bit luma").isEqualTo(0xF8);
        assertThat(hvcc[18] & 0xFF).as("8-bit chroma").isEqualTo(0xF8);
        assertThat(hvcc[21] & 0xFF).as("1 temporal layer, nested, 4-byte lengths").isEqualTo(0x0F);
        assertThat(hvcc[22]).as("numOfArrays").isEqualTo((byte) 3);
        ByteBuffer arrays = ByteBuffer.wrap(hvcc, 23, hvcc.length - 23);
        for (byte[] nal : new byte[][] {SyntheticHevc.VPS, SyntheticHevc.SPS, SyntheticHevc.PPS}) {
            assertThat(arrays.get() & 0xFF).isEqualTo(0x80 | ((nal[0] >> 1) & 0x3F));
            assertThat(arrays.getShort()).isEqualTo((short) 1);
            byte[] stored = new byte[arrays.getShort()];
            arrays.get(stored);
            assertThat(stored).isEqualTo(nal);
        }
        assertThat(arrays.hasRemaining()).isFalse();
    }

    @Test
    void initSegmentHasAnHvc1EntryAndFragmentsHoldOnlySlices() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try (Fmp4Muxer muxer = new Fmp4Muxer(PooledByteBufAllocator.DEFAULT)) {
            assertThat(add(muxer, SyntheticHevc.keyframe(0))).isEqualTo(Fmp4Muxer.AddResult.ADDED);
            assertThat(add(muxer, SyntheticHevc.interFrame(3600))).isEqualTo(Fmp4Muxer.AddResult.ADDED);
            muxer.writeInitSegment(out);
            muxer.writeFinalFragment(out);
        }
        byte[] file = ByteBufUtil.getBytes(out);
        out.release();
        IsoBoxes top = IsoBoxes.parse(file);
        assertThat(top.types()).containsExactly("ftyp", "moov", "moof", "mdat");
        IsoBoxes.Box trak = top.first("moov").children().first("trak");
        ByteBuffer tkhd = trak.children().first("tkhd").payload();
        assertThat(tkhd.getInt(76) >>> 16).as("tkhd width").isEqualTo(640);
        assertThat(tkhd.getInt(80) >>> 16).as("tkhd height").isEqualTo(360);
        IsoBoxes stsd = trak.children().first("mdia").children().first("minf").children().first("stbl").children()
                .first("stsd").children(8);
        assertThat(stsd.types()).containsExactly("hvc1");
        assertThat(stsd.first("hvc1").children(78).types()).containsExactly("hvcC");

        TrackRun run = TrackRun.of(top.first("moof"));
        assertThat(run.samples()).extracting(TrackRun.Sample::size)
                .containsExactly(4 + SyntheticHevc.IDR_SLICE.length, 4 + SyntheticHevc.TRAIL_SLICE.length);
        assertThat(run.samples()).extracting(TrackRun.Sample::sync).containsExactly(true, false);
        IsoBoxes.Box mdat = top.first("mdat");
        assertThat(Arrays.copyOfRange(file, mdat.payloadOffset() + 4, mdat.payloadOffset() + 4 + 6))
                .isEqualTo(SyntheticHevc.IDR_SLICE);
    }

    @Test
    void newParameterSetsAtAKeyframeAskForANewInitSegment() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try (Fmp4Muxer muxer = new Fmp4Muxer(PooledByteBufAllocator.DEFAULT)) {
            add(muxer, SyntheticHevc.keyframe(0));
            add(muxer, SyntheticHevc.interFrame(3600));
            AccessUnit changed = SyntheticHevc.keyframe(7200);
            changed.data().setByte(changed.data().writerIndex() - SyntheticHevc.IDR_SLICE.length - 4 - 1, 0x41);
            assertThat(add(muxer, changed)).isEqualTo(Fmp4Muxer.AddResult.ADDED_NEW_CONFIGURATION);
            AccessUnit tooEarly = SyntheticHevc.interFrame(10800);
            assertThatThrownBy(() -> muxer.add(tooEarly)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("new configuration");
            tooEarly.release();
            assertThat(muxer.writeFragment(out)).hasValueSatisfying(f -> assertThat(f.sampleCount()).isEqualTo(2));
            assertThat(muxer.track().orElseThrow().parameterSets().pps().get(0)).endsWith(0x41);
        } finally {
            out.release();
        }
    }

    @Test
    void h264UnitsAfterAnH265TrackAreRejected() {
        try (Fmp4Muxer muxer = new Fmp4Muxer(PooledByteBufAllocator.DEFAULT)) {
            add(muxer, SyntheticHevc.keyframe(0));
            AccessUnit h264 = new AccessUnit(Codec.H264, 3600, 3600, false,
                    Unpooled.wrappedBuffer(new byte[] {0, 0, 1, 0x41, (byte) 0x9A, 0x00}));
            assertThat(add(muxer, h264)).isEqualTo(Fmp4Muxer.AddResult.MALFORMED);
            AccessUnit audio = new AccessUnit(Codec.G711A, 3600, 3600, false, Unpooled.wrappedBuffer(new byte[160]));
            assertThat(add(muxer, audio)).isEqualTo(Fmp4Muxer.AddResult.UNSUPPORTED_CODEC);
            assertThat(muxer.unitsDropped()).isEqualTo(2);
        }
    }

    private static Fmp4Muxer.AddResult add(Fmp4Muxer muxer, AccessUnit unit) {
        try {
            return muxer.add(unit);
        } finally {
            unit.release();
        }
    }

    private static ParameterSets parameterSetsOf(AccessUnit unit) {
        try {
            return ParameterSets.fromAccessUnit(unit);
        } finally {
            unit.release();
        }
    }
}
