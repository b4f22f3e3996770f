package io.gbgate.media.fmp4;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.hls.AnnexBAccessUnits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real camera H.264 (704x576, 25 fps, one keyframe per second) through the fMP4 muxer, decoded back with FFmpeg. */
@ExtendWith(NettyLeakGuard.class)
class Fmp4MuxerCameraTest {
    private static final long HALF_SECOND = 45_000;
    private final PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;

    @BeforeAll
    static void paranoid() {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    /** What FFmpeg made of a file. */
    private record Decoded(int frames, int width, int height, boolean timestampsIncrease) {
    }

    @Test
    void fragmentsPerGopDecodeIntoEveryFrame() throws Exception {
        AnnexBAccessUnits units = AnnexBAccessUnits.cameraD1();
        ByteBuf file = alloc.buffer();
        List<Fmp4Fragment> fragments = new ArrayList<>();
        try (Fmp4Muxer muxer = new Fmp4Muxer(alloc)) {
            for (int i = 0; i < units.size(); i++) {
                Fmp4Muxer.AddResult result = add(muxer, units, i);
                assertThat(result).isEqualTo(Fmp4Muxer.AddResult.ADDED);
                if (i == 0) {
                    muxer.writeInitSegment(file);
                } else if (units.frame(i).keyframe()) {
                    muxer.writeFragment(file).ifPresent(fragments::add);
                }
            }
            muxer.writeFinalFragment(file).ifPresent(fragments::add);
            assertThat(muxer.samplesAdded()).isEqualTo(units.size());
            assertThat(muxer.track()).hasValueSatisfying(track -> {
                assertThat(track.video().width()).isEqualTo(704);
                assertThat(track.video().height()).isEqualTo(576);
            });
        }
        byte[] bytes = toArray(file);

        assertThat(fragments).allSatisfy(f -> assertThat(f.independent()).isTrue());
        assertThat(fragments).hasSize((units.size() + 24) / 25);
        assertThat(fragments.subList(0, fragments.size() - 1))
                .allSatisfy(f -> assertThat(f.durationTicks()).isEqualTo(25 * AnnexBAccessUnits.FRAME_TICKS));
        List<TrackRun> runs = assertStructure(bytes, fragments);
        assertThat(runs.get(0).samples().get(0).sync()).isTrue();
        assertThat(runs.get(0).samples().subList(1, 25)).noneMatch(TrackRun.Sample::sync);

        Decoded decoded = decode(bytes);
        assertThat(decoded.frames()).isEqualTo(units.size());
        assertThat(decoded.width()).isEqualTo(704);
        assertThat(decoded.height()).isEqualTo(576);
        assertThat(decoded.timestampsIncrease()).isTrue();
    }

    @Test
    void halfSecondPartsStartIndependentOnlyAtKeyframes() throws Exception {
        AnnexBAccessUnits units = AnnexBAccessUnits.cameraD1();
        int frames = 250;
        ByteBuf file = alloc.buffer();
        List<Fmp4Fragment> parts = new ArrayList<>();
        try (Fmp4Muxer muxer = new Fmp4Muxer(alloc)) {
            for (int i = 0; i < frames; i++) {
                add(muxer, units, i);
                if (i == 0) {
                    muxer.writeInitSegment(file);
                    continue;
                }
                // a new segment starts at each keyframe; otherwise cut a part once it lasts 0.5 s
                if (units.frame(i).keyframe() || muxer.completeDurationTicks() >= HALF_SECOND) {
                    muxer.writeFragment(file).ifPresent(parts::add);
                }
            }
            muxer.writeFinalFragment(file).ifPresent(parts::add);
        }
        byte[] bytes = toArray(file);

        // GOP of 25 frames: a part of 13 frames (0.52 s) that starts at the keyframe, then one of the other 12
        assertThat(parts).hasSize(20);
        for (int p = 0; p < parts.size(); p++) {
            Fmp4Fragment part = parts.get(p);
            assertThat(part.independent()).as("part %d", p).isEqualTo(p % 2 == 0);
            assertThat(part.sampleCount()).as("part %d", p).isEqualTo(p % 2 == 0 ? 13 : 12);
        }
        List<TrackRun> runs = assertStructure(bytes, parts);
        for (TrackRun run : runs) {
            assertThat(run.samples().subList(1, run.samples().size())).noneMatch(TrackRun.Sample::sync);
        }
        Decoded decoded = decode(bytes);
        assertThat(decoded.frames()).isEqualTo(frames);
        assertThat(decoded.width()).isEqualTo(704);
        assertThat(decoded.timestampsIncrease()).isTrue();
    }

    @Test
    void unitsBeforeTheFirstKeyframeAreDroppedAndTheTimelineStartsAtZero() throws Exception {
        AnnexBAccessUnits units = AnnexBAccessUnits.cameraD1();
        ByteBuf out = alloc.buffer();
        try (Fmp4Muxer muxer = new Fmp4Muxer(alloc)) {
            long rawStart = 8_589_900_000L; // just below the 33-bit wrap
            for (int i = 10; i < 60; i++) {
                AccessUnit unit = units.accessUnit(i, (rawStart + i * AnnexBAccessUnits.FRAME_TICKS) % (1L << 33), alloc);
                try {
                    Fmp4Muxer.AddResult result = muxer.add(unit);
                    assertThat(result).isEqualTo(i < 25 ? Fmp4Muxer.AddResult.WAITING_FOR_KEYFRAME
                            : Fmp4Muxer.AddResult.ADDED);
                } finally {
                    unit.release();
                }
            }
            Optional<Fmp4Fragment> fragment = muxer.writeFragment(out);
            assertThat(fragment).hasValueSatisfying(f -> {
                assertThat(f.baseMediaDecodeTime()).isZero();
                assertThat(f.sampleCount()).isEqualTo(34);
                assertThat(f.durationTicks()).isEqualTo(34 * AnnexBAccessUnits.FRAME_TICKS);
            });
            assertThat(muxer.unitsDropped()).isEqualTo(15);
            assertThat(muxer.timestampDiscontinuities()).as("the 33-bit wrap is no discontinuity").isZero();
        } finally {
            out.release();
        }
    }

    private Fmp4Muxer.AddResult add(Fmp4Muxer muxer, AnnexBAccessUnits units, int index) {
        AccessUnit unit = units.accessUnit(index, index * AnnexBAccessUnits.FRAME_TICKS, alloc);
        try {
            return muxer.add(unit);
        } finally {
            unit.release();
        }
    }

    /**
     * Box sizes add up; ftyp, moov, then moof/mdat pairs; mfhd numbers count up; each tfdt is the
     * previous one plus its duration; trun data offsets point into the mdat and cover it exactly.
     */
    private static List<TrackRun> assertStructure(byte[] file, List<Fmp4Fragment> fragments) {
        IsoBoxes top = IsoBoxes.parse(file);
        List<String> expected = new ArrayList<>(List.of("ftyp", "moov"));
        fragments.forEach(f -> expected.addAll(List.of("moof", "mdat")));
        assertThat(top.types()).containsExactlyElementsOf(expected);
        IsoBoxes moov = top.first("moov").children();
        assertThat(moov.types()).containsExactly("mvhd", "trak", "mvex");
        IsoBoxes stbl = moov.first("trak").children().first("mdia").children().first("minf").children()
                .first("stbl").children();
        IsoBoxes stsd = stbl.first("stsd").children(8);
        assertThat(stsd.types()).containsExactly("avc1");
        assertThat(stsd.first("avc1").children(78).types()).containsExactly("avcC");

        List<TrackRun> runs = new ArrayList<>();
        long expectedBase = 0;
        int totalSamples = 0;
        for (int f = 0; f < fragments.size(); f++) {
            IsoBoxes.Box moof = top.boxes().get(2 + 2 * f);
            IsoBoxes.Box mdat = top.boxes().get(3 + 2 * f);
            TrackRun run = TrackRun.of(moof);
            Fmp4Fragment fragment = fragments.get(f);
            assertThat(run.sequence()).isEqualTo(f + 1).isEqualTo(fragment.sequenceNumber());
            assertThat(run.baseMediaDecodeTime()).isEqualTo(expectedBase).isEqualTo(fragment.baseMediaDecodeTime());
            assertThat(run.samples()).hasSize(fragment.sampleCount());
            assertThat(run.duration()).isEqualTo(fragment.durationTicks());
            assertThat(run.dataOffset()).isEqualTo(moof.size() + 8);
            assertThat(run.bytes()).isEqualTo(mdat.payloadSize());
            assertThat(moof.size() + mdat.size()).isEqualTo(fragment.byteLength());
            assertThat(run.samples().get(0).sync()).isEqualTo(fragment.independent());
            expectedBase += run.duration();
            totalSamples += run.samples().size();
            runs.add(run);
        }
        assertThat(totalSamples).isEqualTo(fragments.stream().mapToInt(Fmp4Fragment::sampleCount).sum());
        return runs;
    }

    private static Decoded decode(byte[] file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(file))) {
            grabber.setFormat("mp4");
            grabber.start();
            int frames = 0;
            int width = 0;
            int height = 0;
            long lastTimestamp = -1;
            boolean increasing = true;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                width = frame.imageWidth;
                height = frame.imageHeight;
                increasing &= frame.timestamp > lastTimestamp;
                lastTimestamp = frame.timestamp;
                frames++;
            }
            grabber.stop();
            return new Decoded(frames, width, height, increasing);
        }
    }

    private static byte[] toArray(ByteBuf buf) {
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }
}
