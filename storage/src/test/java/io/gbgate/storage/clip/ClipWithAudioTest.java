package io.gbgate.storage.clip;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.hls.AnnexBAccessUnits;
import io.gbgate.storage.recording.CameraRecording;
import io.gbgate.storage.recording.DecodedVideo;
import io.gbgate.storage.recording.RecordingIndex;
import io.gbgate.storage.recording.SegmentLeases;
import io.gbgate.storage.recording.TestClock;
import io.gbgate.storage.recording.TestDatabases;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The D1 camera recorded with a real camera's G.711 made AAC, as the gateway records a camera with a microphone:
 * the first segment opens before the first AAC frame (video only), the next ones carry both. A clip over all of
 * them keeps every picture and the sound from the second segment on.
 */
@ExtendWith(NettyLeakGuard.class)
class ClipWithAudioTest {
    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private static final int FRAMES = 20 * 25;

    @TempDir
    Path dataDir;

    @Test
    void aClipOverAVideoOnlyFirstSegmentAndAudioSegmentsKeepsPicturesAndSound() throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        AnnexBAccessUnits camera = AnnexBAccessUnits.cameraD1();
        byte[] alaw = Files.readAllBytes(Path.of(System.getProperty("gbgate.testdata", "../shared/testdata"),
                "camera-ps", "gb-audio.g711a"));
        try (TestDatabases.Opened database = TestDatabases.Variant.H2_MEMORY.open()) {
            TestClock clock = new TestClock(T0);
            RecordingIndex index = new RecordingIndex(database.dataSource(), clock);
            CameraRecording recording = CameraRecording.record(camera, alaw, dataDir, index, clock, FRAMES, -1,
                    Duration.ZERO);
            assertThat(recording.writer().segmentsWritten()).isGreaterThanOrEqualTo(4);
            ClipExporter exporter = new ClipExporter(dataDir, index, new SegmentLeases());

            ClipFile clip = exporter.export("with-audio", ClipRepositoryContract.CHANNEL, T0,
                    T0.plusMillis(FRAMES * 40L), percent -> { });

            assertThat(clip.note()).as("no segment skipped").isNull();
            Path file = dataDir.resolve(clip.localPath());
            assertThat(DecodedVideo.of(file).frames()).as("every picture").isEqualTo(FRAMES);
            int samples = 0;
            String codec;
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
                grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
                grabber.start();
                codec = grabber.getAudioCodecName();
                Frame frame;
                while ((frame = grabber.grabSamples()) != null) {
                    samples += ((ShortBuffer) frame.samples[0]).remaining();
                }
            }
            assertThat(codec).isEqualTo("aac");
            double seconds = samples / 8000.0;
            System.out.printf("clip with audio: %d pictures, %.2f s of sound of %.1f s%n", FRAMES, seconds,
                    FRAMES * 0.04);
            assertThat(seconds).as("sound from the second segment (4 s) on, no gaps at the segment boundaries")
                    .isBetween(FRAMES * 0.04 - 4.5, FRAMES * 0.04 - 3.9);
        }
    }
}
