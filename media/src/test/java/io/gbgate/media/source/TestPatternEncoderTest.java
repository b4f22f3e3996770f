package io.gbgate.media.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.codec.H264SpsParser;
import io.gbgate.media.codec.NalUnits;
import io.gbgate.media.codec.VideoParameters;
import io.netty.buffer.ByteBuf;
import io.netty.util.ResourceLeakDetector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TestPatternEncoderTest {
    private static final Logger log = LoggerFactory.getLogger(TestPatternEncoderTest.class);

    @BeforeAll
    static void paranoidLeakDetection() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @Test
    void encodesSixtyFramesThatFfmpegDecodesBack(@TempDir Path dir) throws Exception {
        TestPatternConfig config = TestPatternConfig.of("cam-01", 640, 360, 25);
        Path stream = dir.resolve("pattern.h264");
        List<Boolean> keyframes = new ArrayList<>();
        try (TestPatternEncoder encoder = new TestPatternEncoder(config);
                OutputStream out = Files.newOutputStream(stream)) {
            log.info("encoding with {}", encoder.encoderName());
            for (int i = 0; i < 60; i++) {
                AccessUnit unit = encoder.encodeNext(config.pts90k(i));
                assertThat(unit).as("frame %d", i).isNotNull();
                try {
                    assertThat(unit.codec()).isEqualTo(Codec.H264);
                    assertThat(unit.pts()).isEqualTo(i * 3600L);
                    assertThat(unit.dts()).isEqualTo(unit.pts());
                    List<Integer> types = AnnexBNalTypes.of(unit.data());
                    if (unit.keyframe()) {
                        assertThat(types).as("keyframe %d", i)
                                .containsSubsequence(NalUnits.H264_SPS, NalUnits.H264_PPS, NalUnits.H264_IDR);
                        assertThat(VideoParameters.fromAccessUnit(unit))
                                .isEqualTo(new VideoParameters(Codec.H264, 640, 360, 66, 30, 0));
                    } else {
                        assertThat(types).as("frame %d", i).doesNotContain(NalUnits.H264_IDR)
                                .contains(NalUnits.H264_SLICE);
                    }
                    keyframes.add(unit.keyframe());
                    unit.data().getBytes(unit.data().readerIndex(), out, unit.size());
                } finally {
                    unit.release();
                }
            }
        }
        for (int i = 0; i < keyframes.size(); i++) {
            assertThat(keyframes.get(i)).as("keyframe flag of frame %d (GOP 25)", i).isEqualTo(i % 25 == 0);
        }
        assertThat(decode(stream)).isEqualTo(new Decoded(60, 640, 360));
    }

    @Test
    void spsOfTheFirstUnitParsesTo640x360() {
        TestPatternConfig config = TestPatternConfig.of("cam-02", 640, 360, 25);
        try (TestPatternEncoder encoder = new TestPatternEncoder(config)) {
            AccessUnit first = encoder.encodeNext(0);
            try {
                ByteBuf data = first.data();
                assertThat(first.keyframe()).isTrue();
                assertThat(AnnexBNalTypes.of(data)).startsWith(NalUnits.H264_SPS, NalUnits.H264_PPS);
                int spsStart = NalUnits.findStartCode(data, data.readerIndex(), data.writerIndex()) + 3;
                int spsEnd = NalUnits.findStartCode(data, spsStart, data.writerIndex());
                VideoParameters sps = H264SpsParser.parse(data.slice(spsStart, spsEnd - spsStart));
                assertThat(sps.width()).isEqualTo(640);
                assertThat(sps.height()).isEqualTo(360);
            } finally {
                first.release();
            }
        }
    }

    @Test
    void honoursGopLengthAndPictureSize(@TempDir Path dir) throws Exception {
        TestPatternConfig config = TestPatternConfig.of("gop", 320, 240, 10).withGopFrames(7).withBitrate(200_000);
        Path stream = dir.resolve("gop.h264");
        List<Integer> keyframeIndices = new ArrayList<>();
        try (TestPatternEncoder encoder = new TestPatternEncoder(config);
                OutputStream out = Files.newOutputStream(stream)) {
            for (int i = 0; i < 22; i++) {
                AccessUnit unit = encoder.encodeNext(config.pts90k(i));
                try {
                    if (unit.keyframe()) {
                        keyframeIndices.add(i);
                    }
                    unit.data().getBytes(unit.data().readerIndex(), out, unit.size());
                } finally {
                    unit.release();
                }
            }
        }
        assertThat(keyframeIndices).containsExactly(0, 7, 14, 21);
        assertThat(decode(stream)).isEqualTo(new Decoded(22, 320, 240));
    }

    @Test
    void closeIsIdempotentAndEncodingAfterCloseFails() {
        TestPatternEncoder encoder = new TestPatternEncoder(TestPatternConfig.of("closed", 160, 120, 5));
        encoder.encodeNext(0).release();
        encoder.close();
        encoder.close();
        assertThatThrownBy(() -> encoder.encodeNext(18_000)).isInstanceOf(IllegalStateException.class);
    }

    /** Sanity check against a per-frame native leak: 500 frames must not grow RSS by a frame each. */
    @Test
    void residentMemoryStaysFlatOverManyFrames() throws IOException {
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isReadable(status), "no /proc/self/status on this OS");
        TestPatternConfig config = TestPatternConfig.of("rss", 640, 360, 25);
        try (TestPatternEncoder encoder = new TestPatternEncoder(config)) {
            encodeFrames(encoder, 50);
            long before = residentKilobytes(status);
            encodeFrames(encoder, 500);
            long growth = residentKilobytes(status) - before;
            log.info("RSS growth over 500 frames: {} kB", growth);
            // one leaked 640x360 frame (YUV or BGR) per call would add 170..340 MB
            assertThat(growth).isLessThan(64 * 1024);
        }
    }

    private static void encodeFrames(TestPatternEncoder encoder, int count) {
        for (int i = 0; i < count; i++) {
            AccessUnit unit = encoder.encodeNext(encoder.config().pts90k(encoder.frameIndex()));
            if (unit != null) {
                unit.release();
            }
        }
    }

    private static long residentKilobytes(Path status) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("VmRSS missing in " + status);
    }

    private record Decoded(int frames, int width, int height) {
    }

    private static Decoded decode(Path stream) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(stream.toFile())) {
            grabber.setFormat("h264");
            grabber.start();
            int frames = 0;
            int width = 0;
            int height = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                frames++;
                width = frame.imageWidth;
                height = frame.imageHeight;
            }
            grabber.stop();
            return new Decoded(frames, width, height);
        }
    }
}
