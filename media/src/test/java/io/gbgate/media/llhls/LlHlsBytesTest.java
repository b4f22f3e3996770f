package io.gbgate.media.llhls;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.fmp4.IsoBoxes;
import io.gbgate.media.fmp4.SyntheticHevc;
import io.gbgate.media.fmp4.TrackRun;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the parts, segments and init sections hold, read back box by box and decoded with FFmpeg. */
@ExtendWith(NettyLeakGuard.class)
class LlHlsBytesTest {
    private final SteppingClock clock = new SteppingClock(Instant.parse("2025-03-01T08:00:00Z"));

    @BeforeAll
    static void paranoid() {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private LlHlsOutput output() {
        return new LlHlsOutput(new LlHlsSettings(Duration.ofMillis(200), Duration.ofSeconds(1), 6),
                PooledByteBufAllocator.DEFAULT, clock, Runnable::run);
    }

    @Test
    void partsAreFragmentsWithContinuousDecodeTimesAndKeyframeFlags() {
        try (LlHlsOutput out = output(); PatternFeed feed = new PatternFeed(out, clock)) {
            feed.frames(76); // keyframe 75 completes segments 0, 1 and 2, five parts each
            List<LlHlsPart> parts = new ArrayList<>();
            for (long msn = 0; msn <= 2; msn++) {
                for (int i = 0; out.part(new PartPosition(msn, i)).isPresent(); i++) {
                    parts.add(out.part(new PartPosition(msn, i)).get());
                }
            }
            assertThat(parts).hasSize(15);
            long expectedDecodeTime = 0;
            long expectedSequence = -1;
            for (LlHlsPart part : parts) {
                IsoBoxes boxes = IsoBoxes.parse(bytes(part.data()));
                assertThat(boxes.types()).as(part.fileName()).containsExactly("moof", "mdat");
                TrackRun run = TrackRun.of(boxes.first("moof"));
                assertThat(run.baseMediaDecodeTime()).as("tfdt of %s", part.fileName()).isEqualTo(expectedDecodeTime);
                if (expectedSequence >= 0) {
                    assertThat(run.sequence()).isEqualTo(expectedSequence + 1);
                }
                expectedSequence = run.sequence();
                assertThat(run.duration()).isEqualTo(part.durationTicks()).isEqualTo(5 * 3600);
                assertThat(run.bytes()).isEqualTo(boxes.first("mdat").payloadSize());
                assertThat(run.samples().get(0).sync()).isEqualTo(part.independent())
                        .isEqualTo(part.position().part() == 0);
                assertThat(run.samples().subList(1, run.samples().size())).noneMatch(TrackRun.Sample::sync);
                expectedDecodeTime += run.duration();
            }
            LlHlsSegment segment = out.segment(1).orElseThrow();
            assertThat(IsoBoxes.parse(bytes(segment.data())).types())
                    .containsExactly("moof", "mdat", "moof", "mdat", "moof", "mdat", "moof", "mdat", "moof", "mdat");
        }
    }

    @Test
    void initAndSegmentsDecodeWithFfmpeg() throws Exception {
        try (LlHlsOutput out = output(); PatternFeed feed = new PatternFeed(out, clock)) {
            feed.frames(56);
            byte[] init = bytes(out.init(0).orElseThrow().data());
            IsoBoxes initBoxes = IsoBoxes.parse(init);
            assertThat(initBoxes.types()).containsExactly("ftyp", "moov");
            assertThat(sampleEntry(initBoxes)).isEqualTo("avc1");

            Decoded oneSegment = decode(init, bytes(out.segment(0).orElseThrow().data()));
            assertThat(oneSegment).isEqualTo(new Decoded(25, PatternFeed.WIDTH, PatternFeed.HEIGHT));
            Decoded twoSegments = decode(init, bytes(out.segment(0).orElseThrow().data()),
                    bytes(out.segment(1).orElseThrow().data()));
            assertThat(twoSegments.frames()).isEqualTo(50);
            // an LL-HLS client joining at an independent part: init + the parts published so far
            Decoded parts = decode(init, bytes(out.part(new PartPosition(1, 0)).orElseThrow().data()),
                    bytes(out.part(new PartPosition(1, 1)).orElseThrow().data()));
            assertThat(parts).isEqualTo(new Decoded(10, PatternFeed.WIDTH, PatternFeed.HEIGHT));
        }
    }

    @Test
    void hevcIsCarriedUntouchedInAnHvc1Track() {
        try (LlHlsOutput out = output()) {
            for (int i = 0; i < 31; i++) {
                AccessUnit unit = i % 25 == 0 ? SyntheticHevc.keyframe(i * 3600L) : SyntheticHevc.interFrame(i * 3600L);
                try {
                    out.onAccessUnit(unit);
                } finally {
                    unit.release();
                }
                clock.advanceMillis(40);
            }
            IsoBoxes init = IsoBoxes.parse(bytes(out.init(0).orElseThrow().data()));
            assertThat(sampleEntry(init)).isEqualTo("hvc1");
            LlHlsSegment segment = out.segment(0).orElseThrow();
            assertThat(segment.parts()).hasSize(5);
            assertThat(segment.parts().get(0).independent()).isTrue();
            byte[] first = bytes(segment.parts().get(0).data());
            IsoBoxes boxes = IsoBoxes.parse(first);
            TrackRun run = TrackRun.of(boxes.first("moof"));
            assertThat(run.samples()).hasSize(5);
            // the IDR slice, length-prefixed, exactly as the camera sent it (parameter sets are in hvcC)
            IsoBoxes.Box mdat = boxes.first("mdat");
            byte[] firstSample = new byte[run.samples().get(0).size()];
            System.arraycopy(first, mdat.payloadOffset(), firstSample, 0, firstSample.length);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.writeBytes(new byte[] {0, 0, 0, (byte) SyntheticHevc.IDR_SLICE.length});
            expected.writeBytes(SyntheticHevc.IDR_SLICE);
            assertThat(firstSample).isEqualTo(expected.toByteArray());
            assertThat(out.playlist(PlaylistKind.FMP4, "")).contains("#EXT-X-MAP:URI=\"init0.mp4\"", "seg0.m4s");
        }
    }

    @Test
    void realHevcDecodesFromInitAndSegments(@TempDir Path dir) throws Exception {
        List<AccessUnit> units = RealHevc.encode(dir, 320, 240, 60);
        try (LlHlsOutput out = output()) {
            assertThat(units).hasSize(60);
            for (AccessUnit unit : units) {
                out.onAccessUnit(unit);
                clock.advanceMillis(40);
            }
            byte[] init = bytes(out.init(0).orElseThrow().data());
            assertThat(sampleEntry(IsoBoxes.parse(init))).isEqualTo("hvc1");
            assertThat(out.segment(1)).isPresent();
            assertThat(decode(init, bytes(out.segment(0).orElseThrow().data()), bytes(out.segment(1).orElseThrow().data())))
                    .isEqualTo(new Decoded(50, 320, 240));
            assertThat(out.part(new PartPosition(2, 0)).orElseThrow().independent()).isTrue();
        } finally {
            units.forEach(AccessUnit::release);
        }
    }

    /** The fourcc of the first sample entry in moov/trak/mdia/minf/stbl/stsd. */
    private static String sampleEntry(IsoBoxes init) {
        IsoBoxes stsd = init.first("moov").children().first("trak").children().first("mdia").children()
                .first("minf").children().first("stbl").children().first("stsd").children(8);
        return stsd.boxes().get(0).type();
    }

    private static byte[] bytes(ByteBuf data) {
        return ByteBufUtil.getBytes(data);
    }

    private record Decoded(int frames, int width, int height) {
    }

    private static Decoded decode(byte[]... pieces) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            file.writeBytes(piece);
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(file.toByteArray()), 0)) {
            grabber.setFormat("mp4");
            grabber.start();
            int frames = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (frame.image != null) {
                    frames++;
                }
            }
            return new Decoded(frames, grabber.getImageWidth(), grabber.getImageHeight());
        }
    }
}
