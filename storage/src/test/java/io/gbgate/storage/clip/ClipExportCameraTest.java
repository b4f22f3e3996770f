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
import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The D1 camera recorded once (~55 s in 4 s segments), then exported as clips. */
@ExtendWith(NettyLeakGuard.class)
class ClipExportCameraTest {

    private static final String CHANNEL = ClipRepositoryContract.CHANNEL;
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final long GOP_MILLIS = 1000;

    @TempDir
    static Path dataDir;

    private static TestDatabases.Opened database;
    private static TestClock clock;
    private static ClipRepository clips;
    private static ClipExporter exporter;
    private static long recordedMillis;

    @BeforeAll
    static void record() throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        org.bytedeco.javacv.FFmpegLogCallback.set();
        AnnexBAccessUnits camera = AnnexBAccessUnits.cameraD1();
        database = TestDatabases.Variant.H2_MEMORY.open();
        clock = new TestClock(T0);
        RecordingIndex index = new RecordingIndex(database.dataSource(), clock);
        CameraRecording recording = CameraRecording.record(camera, dataDir, index, clock, camera.size(), -1,
                Duration.ZERO);
        assertThat(recording.writer().segmentsWritten()).isGreaterThan(10);
        recordedMillis = camera.size() * 40L;
        clips = new ClipRepository(database.dataSource(), clock);
        exporter = new ClipExporter(dataDir, index, new SegmentLeases());
    }

    @AfterAll
    static void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aFiveSecondClipStartsAtAKeyframeLastsWithinOneGopAndIsFastStart() throws Exception {
        Instant from = T0.plusMillis(10_500); // mid-GOP, in the third segment
        Instant to = from.plusSeconds(5); // ends in the fourth segment
        long started = System.nanoTime();
        Clip clip;
        try (ClipJobs jobs = new ClipJobs(clips, exporter, 1, 4)) {
            clip = jobs.completion(jobs.submit(CHANNEL, from, to).id()).get(120, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(clip.state()).as("reason: %s", clip.reason()).isEqualTo(ClipState.READY);
        assertThat(clip.progress()).isEqualTo(100);
        assertThat(clip.reason()).isNull();
        assertThat(clip.localPath()).isEqualTo("clips/" + clip.id() + ".mp4");
        Path file = dataDir.resolve(clip.localPath());
        assertThat(Files.size(file)).isEqualTo(clip.bytes());
        assertThat(clip.sha256()).isEqualTo(sha256(file));
        assertThat(Files.exists(file.resolveSibling(clip.id() + ".mp4.part"))).isFalse();

        DecodedVideo decoded = DecodedVideo.of(file);
        assertThat(decoded.firstIsKeyframe()).isTrue();
        assertThat(decoded.firstMicros()).isZero();
        assertThat(decoded.width()).isEqualTo(704);
        // starts at the keyframe at 10 s, ends before 15.5 s: 138 frames of 40 ms
        assertThat(decoded.frames()).isEqualTo(138);
        long durationMs = decoded.lastMicros() / 1000 + 40;
        assertThat(durationMs).isBetween(5000L, 5000L + GOP_MILLIS);
        assertThat(clip.durationMs()).isEqualTo(durationMs);
        assertThat(topLevelBoxes(file)).containsSubsequence("ftyp", "moov", "mdat");
        System.out.printf("clip figures: %.2f s of video exported in %.2f s = %.1f s of video per second, %d bytes%n",
                durationMs / 1000.0, seconds, durationMs / 1000.0 / seconds, clip.bytes());
    }

    @Test
    void theWholeRecordingExportsAsOneContinuousClip() throws Exception {
        long started = System.nanoTime();
        ClipFile file = exporter.export("whole", CHANNEL, T0, T0.plusMillis(recordedMillis), percent -> { });
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(file.note()).isNull();
        assertThat(file.durationMs()).isEqualTo(recordedMillis);
        DecodedVideo decoded = DecodedVideo.of(dataDir.resolve(file.localPath()));
        assertThat(decoded.frames()).isEqualTo((int) (recordedMillis / 40));
        assertThat(decoded.lastMicros()).as("segments follow each other without a jump")
                .isEqualTo((recordedMillis - 40) * 1000);
        System.out.printf("clip figures: whole recording, %.1f s of video in %.2f s = %.0f s of video per second%n",
                recordedMillis / 1000.0, seconds, recordedMillis / 1000.0 / seconds);
    }

    @Test
    void aRangeOutsideTheRecordingFailsWithAClearReason() throws Exception {
        Instant from = T0.plus(Duration.ofHours(2));
        Clip clip;
        try (ClipJobs jobs = new ClipJobs(clips, exporter, 1, 4)) {
            clip = jobs.completion(jobs.submit(CHANNEL, from, from.plusSeconds(5)).id()).get(60, TimeUnit.SECONDS);
        }
        assertThat(clip.state()).isEqualTo(ClipState.FAILED);
        assertThat(clip.reason()).startsWith("range not recorded: channel " + CHANNEL + " has no recording between "
                + from);
        assertThat(clip.localPath()).isNull();
        assertThat(Files.exists(dataDir.resolve("clips/" + clip.id() + ".mp4"))).isFalse();
    }

    @Test
    void aPartlyRecordedRangeExportsWhatExistsAndSaysSo() throws Exception {
        Instant end = T0.plusMillis(recordedMillis);
        Instant from = end.minusSeconds(3);
        ClipFile file = exporter.export("partial", CHANNEL, from, end.plusSeconds(7), percent -> { });

        assertThat(file.note()).startsWith("partially recorded: 3.0 of 10.0 s exported; missing " + end + " .. ");
        DecodedVideo decoded = DecodedVideo.of(dataDir.resolve(file.localPath()));
        assertThat(decoded.firstIsKeyframe()).isTrue();
        assertThat(file.durationMs()).isBetween(3000L, 3000L + GOP_MILLIS);
    }

    @Test
    void aJobLeftRunningByACrashIsResumedFromScratch() throws Exception {
        Clip crashed = clips.create(CHANNEL, T0.plusSeconds(20), T0.plusSeconds(23));
        clips.markRunning(crashed.id());
        clips.updateProgress(crashed.id(), 60);
        Files.createDirectories(dataDir.resolve("clips"));
        Files.writeString(dataDir.resolve("clips/" + crashed.id() + ".mp4.part"), "half a file");

        Clip resumed;
        try (ClipJobs jobs = new ClipJobs(clips, exporter, 1, 4)) {
            assertThat(jobs.resumeUnfinished()).isEqualTo(1);
            resumed = jobs.completion(crashed.id()).get(120, TimeUnit.SECONDS);
        }
        assertThat(resumed.state()).as("reason: %s", resumed.reason()).isEqualTo(ClipState.READY);
        assertThat(resumed.sha256()).isEqualTo(sha256(dataDir.resolve(resumed.localPath())));
        assertThat(DecodedVideo.of(dataDir.resolve(resumed.localPath())).frames()).isEqualTo(75);
        assertThat(clips.findUnfinished()).isEmpty();
    }

    /** Types of the top-level MP4 boxes in file order. */
    private static List<String> topLevelBoxes(Path file) throws Exception {
        List<String> types = new ArrayList<>();
        long size = Files.size(file);
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            long position = 0;
            while (position + 8 <= size) {
                long boxSize = in.readInt() & 0xFFFF_FFFFL;
                byte[] type = in.readNBytes(4);
                types.add(new String(type, StandardCharsets.US_ASCII));
                long header = 8;
                if (boxSize == 1) {
                    boxSize = in.readLong();
                    header = 16;
                } else if (boxSize == 0) {
                    break;
                }
                in.skipNBytes(boxSize - header);
                position += boxSize;
            }
        }
        return types;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
