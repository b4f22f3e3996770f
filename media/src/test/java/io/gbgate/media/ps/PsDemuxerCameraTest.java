package io.gbgate.media.ps;

import static io.gbgate.media.ps.PsTestSupport.cameraFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.Codec;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.ps.PsTestSupport.DemuxResult;
import io.gbgate.media.ps.PsTestSupport.UnitDigest;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demuxer against real camera recordings. */
@ExtendWith(NettyLeakGuard.class)
class PsDemuxerCameraTest {
    /** Frames (packs) in the d1 recording, one access unit each. */
    private static final int D1_FRAMES = 1347;

    /**
     * Compares raw bytes: the d1 camera already sends SPS/PPS in front of every IDR, so parameter-set
     * prepending never fires and the access units must reproduce the ground truth byte for byte. The
     * ground truth comes from the longer RTP capture, so the demuxed bytes are its prefix, ending on
     * an access unit boundary.
     */
    @Test
    void d1InRandomChunksReproducesTheElementaryStream() {
        byte[] ps = cameraFile(PsTestSupport.D1);
        byte[] groundTruth = cameraFile(PsTestSupport.D1_ELEMENTARY);
        Random random = new Random(28181);
        DemuxResult result = PsTestSupport.demux(ps, () -> 1 + random.nextInt(3000));

        byte[] video = result.capture().video.toByteArray();
        assertThat(video.length).isGreaterThan(3_000_000).isLessThan(groundTruth.length);
        assertThat(Arrays.equals(video, 0, video.length, groundTruth, 0, video.length))
                .as("video access units equal the ground truth prefix").isTrue();
        assertThat(Arrays.copyOfRange(groundTruth, video.length, video.length + 4)).containsExactly(0, 0, 0, 1);

        PsDemuxStats stats = result.stats();
        assertThat(stats.packs()).isEqualTo(D1_FRAMES);
        assertThat(stats.videoUnits()).isEqualTo(D1_FRAMES);
        assertThat(stats.psms()).isEqualTo(54);
        assertThat(stats.systemHeaders()).isEqualTo(54);
        assertThat(stats.skippedPackets()).as("private stream 0xBD packets").isEqualTo(54);
        assertThat(stats.resyncs()).isZero();
        assertThat(stats.bytesSkipped()).isZero();
        assertThat(stats.truncatedPes()).isZero();
        assertThat(stats.parameterSetsPrepended()).isZero();
        assertThat(stats.psmCodecOverrides()).isZero();
    }

    @Test
    void d1AccessUnitsHaveKeyframesWithParameterSetsAndIncreasingTimestamps() {
        DemuxResult result = PsTestSupport.demuxWhole(cameraFile(PsTestSupport.D1));
        List<UnitDigest> units = result.units();
        assertThat(units).hasSize(D1_FRAMES).allSatisfy(u -> assertThat(u.codec()).isEqualTo(Codec.H264));
        assertThat(units.get(0).keyframe()).isTrue();
        assertThat(nalTypes(result.capture().videoPayloads.get(0))).startsWith(7, 8, 6, 5);
        assertThat(units.stream().filter(UnitDigest::keyframe).count()).isEqualTo(54);
        for (int i = 0; i < units.size(); i++) {
            assertThat(units.get(i).keyframe()).as("unit %d keyframe", i).isEqualTo(i % 25 == 0);
            assertThat(units.get(i).dts()).isEqualTo(units.get(i).pts());
            if (i > 0) {
                assertThat(units.get(i).pts() - units.get(i - 1).pts()).as("25 fps").isEqualTo(3600);
            }
        }
    }

    @Test
    void chunkingDoesNotChangeTheAccessUnits() {
        byte[] ps = cameraFile(PsTestSupport.D1);
        List<UnitDigest> whole = PsTestSupport.demuxWhole(ps).units();
        assertThat(whole).hasSize(D1_FRAMES);
        for (int chunk : new int[] {1, 7, 1400}) {
            assertThat(PsTestSupport.demux(ps, () -> chunk).units()).as("chunks of %d bytes", chunk).isEqualTo(whole);
        }
    }

    @Test
    void hikvisionMidstreamResynchronisesAndDecodesAt1080p() throws Exception {
        DemuxResult result = PsTestSupport.demuxWhole(cameraFile(PsTestSupport.HIK));
        PsDemuxStats stats = result.stats();
        assertThat(stats.resyncs()).isEqualTo(1);
        assertThat(stats.bytesSkipped()).isEqualTo(1651);
        assertThat(stats.videoUnits()).isGreaterThan(600);
        assertThat(result.units().get(0).keyframe()).isTrue();

        int fiveSeconds = 75; // 15 fps
        byte[] annexB = PsTestSupport.concat(result.capture().videoPayloads.subList(0, fiveSeconds));
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        int decoded = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(annexB), 0)) {
            grabber.setFormat("h264");
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                assertThat(frame.imageWidth).isEqualTo(1920);
                assertThat(frame.imageHeight).isEqualTo(1080);
                decoded++;
            }
            grabber.stop();
        }
        assertThat(decoded).isGreaterThanOrEqualTo(fiveSeconds - 2);
    }

    static int[] nalTypes(byte[] annexB) {
        return java.util.stream.IntStream.range(0, annexB.length - 3)
                .filter(i -> annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1)
                .map(i -> annexB[i + 3] & 0x1F)
                .toArray();
    }
}
