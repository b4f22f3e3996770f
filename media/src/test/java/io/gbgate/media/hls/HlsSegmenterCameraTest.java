package io.gbgate.media.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.ts.TsInspector.Packet;
import io.gbgate.media.ts.TsInspector;
import io.gbgate.media.ts.TsMuxer;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real camera H.264 (704x576, 25 fps, GOP 25) through the segmenter, decoded back with FFmpeg. */
@ExtendWith(NettyLeakGuard.class)
class HlsSegmenterCameraTest {
    private static final String TOKEN = "?token=abc.def";
    private final PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;

    @BeforeAll
    static void paranoid() {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    /** What FFmpeg made of one segment. */
    private record Decoded(int frames, boolean firstIsKeyframe, int width, int height) {
    }

    @Test
    void everySegmentDecodesAndThePlaylistSlides() throws Exception {
        AnnexBAccessUnits units = AnnexBAccessUnits.cameraD1();
        int gop = assertFixedGop(units);
        assertThat(gop).as("GOP of the D1 camera file: one keyframe per second").isEqualTo(25);
        // target 2 s, cut only at keyframes: 2 GOPs of 25 frames per segment
        int framesPerSegment = 50;

        HlsSegmenter segmenter = new HlsSegmenter(HlsSettings.defaults(), alloc);
        CompletableFuture<Void> first = segmenter.firstSegment();
        List<HlsSegment> collected = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            feed(segmenter, units, i);
            collectNew(segmenter, collected);
        }
        assertThat(first).isCompleted();
        assertThat(segmenter.playlist(TOKEN)).doesNotContain("#EXT-X-ENDLIST");
        segmenter.onStreamClosed("camera unregistered");
        collectNew(segmenter, collected);

        HlsStats stats = segmenter.stats();
        assertThat(stats.unitsReceived()).isEqualTo(units.size());
        assertThat(stats.unitsMuxed()).as("first AU is an IDR: every AU lands in a segment").isEqualTo(units.size());
        assertThat(stats.timestampDiscontinuities()).isZero();
        int expectedSegments = (units.size() + framesPerSegment - 1) / framesPerSegment;
        assertThat(collected).hasSize(expectedSegments);
        assertThat(stats.segmentsCompleted()).isEqualTo(expectedSegments);

        int decodedTotal = 0;
        for (HlsSegment segment : collected) {
            byte[] ts = ByteBufUtil.getBytes(segment.data());
            assertStartsWithTablesAndKeyframe(ts);
            Decoded decoded = decode(ts);
            int expectedFrames = Math.min(framesPerSegment, units.size() - (int) segment.sequence() * framesPerSegment);
            assertThat(decoded.frames()).as("frames of %s", segment).isEqualTo(expectedFrames);
            assertThat(decoded.firstIsKeyframe()).as("%s starts with a keyframe", segment).isTrue();
            assertThat(decoded.width()).isEqualTo(704);
            assertThat(decoded.height()).isEqualTo(576);
            assertThat(segment.durationSeconds()).isCloseTo(expectedFrames * 0.04, within(1e-9));
            decodedTotal += decoded.frames();
        }
        assertThat(decodedTotal).isEqualTo(stats.unitsMuxed());

        MediaPlaylist ended = MediaPlaylist.parse(segmenter.playlist(TOKEN));
        assertThat(ended.ended()).isTrue();
        assertThat(ended.mediaSequence()).isEqualTo(expectedSegments - 6);
        assertThat(ended.entries()).extracting(MediaPlaylist.Entry::uri).containsExactlyElementsOf(
                IntStream.range(expectedSegments - 6, expectedSegments).mapToObj(s -> "segment-" + s + ".ts" + TOKEN)
                        .toList());
        assertThat(ended.entries().get(5).duration()).isEqualTo(1.0);
        assertThat(segmenter.segment(expectedSegments - 7)).as("evicted").isEmpty();
        assertThat(segmenter.segment(expectedSegments)).isEmpty();
    }

    @Test
    void segmentsAreCutOnlyAtKeyframes() throws Exception {
        AnnexBAccessUnits units = AnnexBAccessUnits.cameraD1();
        HlsSettings settings = HlsSettings.defaults().withTargetDuration(Duration.ofMillis(1500)).withWindowSize(100);
        try (HlsSegmenter segmenter = new HlsSegmenter(settings, alloc)) {
            for (int i = 0; i < 300; i++) {
                feed(segmenter, units, i);
            }
            MediaPlaylist playlist = MediaPlaylist.parse(segmenter.playlist(""));
            // 1.5 s is not a multiple of the 1 s GOP: the cut waits for the keyframe at 2 s
            assertThat(playlist.entries()).hasSize(5).allSatisfy(e -> assertThat(e.duration()).isEqualTo(2.0));
            assertThat(playlist.targetDuration()).isEqualTo(2);
        }
    }

    private void feed(HlsSegmenter segmenter, AnnexBAccessUnits units, int index) {
        AccessUnit unit = units.accessUnit(index, index * AnnexBAccessUnits.FRAME_TICKS, alloc);
        try {
            segmenter.onAccessUnit(unit);
        } finally {
            unit.release();
        }
    }

    /** Picks up newly completed segments and checks the live playlist after each one. */
    private static void collectNew(HlsSegmenter segmenter, List<HlsSegment> collected) {
        long published = segmenter.stats().segmentsCompleted();
        while (collected.size() < published) {
            long sequence = collected.size();
            collected.add(segmenter.segment(sequence).orElseThrow());
        }
        if (published == 0) {
            return;
        }
        MediaPlaylist playlist = MediaPlaylist.parse(segmenter.playlist(TOKEN));
        long firstRetained = Math.max(0, published - 6);
        assertThat(playlist.mediaSequence()).isEqualTo(firstRetained);
        assertThat(playlist.entries()).extracting(MediaPlaylist.Entry::uri).containsExactlyElementsOf(
                java.util.stream.LongStream.range(firstRetained, published)
                        .mapToObj(s -> HlsSegment.fileName(s) + TOKEN).toList());
        assertThat(playlist.targetDuration()).isEqualTo(2);
    }

    private static void assertStartsWithTablesAndKeyframe(byte[] ts) {
        List<Packet> packets = TsInspector.packets(ts);
        TsInspector.assertContinuity(packets);
        assertThat(packets.get(0).pid()).isZero();
        assertThat(packets.get(1).pid()).isEqualTo(0x1000);
        assertThat(packets.get(2).pid()).isEqualTo(TsMuxer.VIDEO_PID);
        assertThat(packets.get(2).randomAccess()).isTrue();
        assertThat(packets.get(2).pcrBase()).isNotNegative();
    }

    private static Decoded decode(byte[] ts) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(ts))) {
            grabber.setFormat("mpegts");
            grabber.start();
            int frames = 0;
            boolean firstKey = false;
            int width = 0;
            int height = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (frames == 0) {
                    firstKey = frame.keyFrame;
                }
                width = frame.imageWidth;
                height = frame.imageHeight;
                frames++;
            }
            grabber.stop();
            return new Decoded(frames, firstKey, width, height);
        }
    }

    /** The keyframe interval of the file, asserting it is constant. */
    private static int assertFixedGop(AnnexBAccessUnits units) {
        List<Integer> keyframes = IntStream.range(0, units.size()).filter(i -> units.frame(i).keyframe()).boxed()
                .toList();
        assertThat(keyframes).first().isEqualTo(0);
        int gop = keyframes.get(1) - keyframes.get(0);
        for (int k = 1; k < keyframes.size(); k++) {
            assertThat(keyframes.get(k) - keyframes.get(k - 1)).isEqualTo(gop);
        }
        return gop;
    }

    @Test
    void firstSegmentFutureWaitsForACompleteSegment() throws Exception {
        AnnexBAccessUnits units = AnnexBAccessUnits.cameraD1();
        try (HlsSegmenter segmenter = new HlsSegmenter(HlsSettings.defaults(), alloc)) {
            CompletableFuture<Void> first = segmenter.firstSegment();
            for (int i = 0; i < 50; i++) {
                feed(segmenter, units, i);
            }
            assertThat(first).as("2 s of video, but the cut needs the next keyframe").isNotDone();
            feed(segmenter, units, 50);
            first.get(10, TimeUnit.SECONDS);
            assertThat(segmenter.segment(0)).hasValueSatisfying(s -> assertThat(s.durationSeconds()).isEqualTo(2.0));
        }
    }
}
