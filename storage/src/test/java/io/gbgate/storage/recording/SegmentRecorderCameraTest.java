package io.gbgate.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.hls.AnnexBAccessUnits;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Real camera H.264 through the recorder: files on disk, rows in the index, decodable segments. */
@ExtendWith(NettyLeakGuard.class)
class SegmentRecorderCameraTest {

    private static final String CHANNEL = RecordingStorageContract.CHANNEL;
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dataDir;

    private TestDatabases.Opened database;
    private TestClock clock;
    private RecordingIndex index;

    @BeforeAll
    static void paranoid() {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    @BeforeEach
    void open() {
        database = TestDatabases.Variant.H2_MEMORY.open();
        clock = new TestClock(T0);
        index = new RecordingIndex(database.dataSource(), clock);
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void segmentsLandOnDiskAndInTheIndexCutAtKeyframes() throws Exception {
        AnnexBAccessUnits camera = AnnexBAccessUnits.cameraD1();
        CameraRecording recording = CameraRecording.record(camera, dataDir, index, clock, camera.size(), -1,
                Duration.ZERO);

        int framesPerSegment = 4 * AnnexBAccessUnits.D1_GOP; // 4 s target, 1 s GOP
        int expectedSegments = (camera.size() + framesPerSegment - 1) / framesPerSegment;
        assertThat(recording.recorder().unitsRecorded()).isEqualTo(camera.size());
        assertThat(recording.recorder().segmentsCompleted()).isEqualTo(expectedSegments);
        assertThat(recording.writer().segmentsWritten()).isEqualTo(expectedSegments);
        assertThat(recording.writer().segmentsDropped()).isZero();
        assertThat(recording.writer().writeFailures()).isZero();

        List<RecordingSegment> segments = index.findSegments(CHANNEL, T0, T0.plus(Duration.ofHours(1)));
        assertThat(segments).hasSize(expectedSegments);
        long totalBytes = 0;
        int decodedFrames = 0;
        for (int i = 0; i < segments.size(); i++) {
            RecordingSegment segment = segments.get(i);
            int frames = Math.min(framesPerSegment, camera.size() - i * framesPerSegment);
            assertThat(segment.startAt()).isEqualTo(T0.plusMillis(i * 4000L));
            assertThat(segment.durationMs()).isEqualTo(frames * 40L);
            assertThat(segment.path()).isEqualTo("recordings/" + CHANNEL + "/2026-11-23/"
                    + segment.startAt().toEpochMilli() + ".ts");
            Path file = dataDir.resolve(segment.path());
            assertThat(Files.size(file)).isEqualTo(segment.bytes());
            DecodedVideo decoded = DecodedVideo.of(file);
            assertThat(decoded.firstIsKeyframe()).as("segment %d starts with a keyframe", i).isTrue();
            assertThat(decoded.frames()).as("frames of segment %d", i).isEqualTo(frames);
            assertThat(decoded.width()).isEqualTo(704);
            decodedFrames += decoded.frames();
            totalBytes += segment.bytes();
        }
        assertThat(decodedFrames).isEqualTo(camera.size());
        assertThat(index.totalBytes()).isEqualTo(totalBytes);
        try (var parts = Files.walk(dataDir)) {
            assertThat(parts.filter(p -> p.toString().endsWith(".part"))).as("no temporary files left").isEmpty();
        }
        assertThat(index.listRanges(CHANNEL, T0.minusSeconds(60), T0.plus(Duration.ofHours(1))))
                .containsExactly(new RecordedRange(CHANNEL, T0, T0.plusMillis(camera.size() * 40L),
                        expectedSegments));
        double hours = camera.size() / 25.0 / 3600;
        System.out.printf("recording figures: %d frames, %d segments, %d bytes = %.1f MB per stream-hour%n",
                camera.size(), segments.size(), totalBytes, totalBytes / hours / 1e6);
    }

    @Test
    void aStalledStreamLeavesAHoleBetweenTwoRanges() throws Exception {
        AnnexBAccessUnits camera = AnnexBAccessUnits.cameraD1();
        int stallAt = 10 * AnnexBAccessUnits.D1_GOP + 5; // mid-GOP: the cut happens at the next keyframe, frame 275
        CameraRecording recording = CameraRecording.record(camera, dataDir, index, clock, 20 * AnnexBAccessUnits.D1_GOP,
                stallAt, Duration.ofSeconds(10));

        assertThat(recording.recorder().clockResyncs()).isEqualTo(1);
        List<RecordedRange> ranges = index.listRanges(CHANNEL, T0, T0.plus(Duration.ofHours(1)));
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(0).from()).isEqualTo(T0);
        assertThat(ranges.get(0).to()).isEqualTo(T0.plusMillis(275 * 40L));
        Instant resumed = T0.plusMillis(275 * 40L).plusSeconds(10);
        assertThat(ranges.get(1).from()).isEqualTo(resumed);
        assertThat(ranges.get(1).to()).isEqualTo(resumed.plusMillis(225 * 40L));
    }

    @Test
    void aFullWriteQueueDropsAndCountsWithoutBlocking() throws Exception {
        AnnexBAccessUnits camera = AnnexBAccessUnits.cameraD1();
        PooledByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
        SegmentRecorder recorder;
        try (SegmentWriter writer = new SegmentWriter(dataDir, index, allocator, clock, 1, 1)) {
            recorder = writer.newRecorder(CHANNEL, RecorderSettings.DEFAULTS.withSegmentDuration(Duration.ofSeconds(1)));
            for (int i = 0; i < 3 * AnnexBAccessUnits.D1_GOP; i++) {
                AccessUnit unit = camera.accessUnit(i, i * AnnexBAccessUnits.FRAME_TICKS, allocator);
                recorder.onAccessUnit(unit);
                unit.release();
                clock.advance(Duration.ofMillis(40));
            }
            recorder.close();
            writer.close();
            assertThat(writer.stats().segmentsDropped()).isEqualTo(3);
            assertThat(writer.stats().segmentsWritten()).isZero();
        }
        assertThat(recorder.stats().segmentsDropped()).isEqualTo(3);
        assertThat(index.totalBytes()).isZero();
    }
}
