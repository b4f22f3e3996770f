package io.gbgate.storage.recording;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.audio.G711ToAac;
import io.gbgate.media.hls.AnnexBAccessUnits;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Test helper: records the D1 camera stream into a data directory the way the gateway would, one frame every
 * 40 ms of a {@link TestClock}, optionally with a stall in which the wall clock moves on without frames.
 *
 * @param recorder what the recorder counted
 * @param writer   what the writer counted (after it drained)
 */
public record CameraRecording(RecorderStats recorder, WriterStats writer) {

    /**
     * Records {@code frames} frames of the camera (all when larger than the file).
     *
     * @param stallBeforeFrame frame before which the stream stalls for {@code stall} (-1 for none)
     */
    public static CameraRecording record(AnnexBAccessUnits camera, Path dataDir, RecordingIndex index, TestClock clock,
                                         int frames, int stallBeforeFrame, Duration stall) {
        return record(camera, null, dataDir, index, clock, frames, stallBeforeFrame, stall);
    }

    /**
     * Like {@link #record(AnnexBAccessUnits, Path, RecordingIndex, TestClock, int, int, Duration)}, with the camera's
     * G.711 A-law {@code alaw} (null: none) turned into AAC as the gateway's ingest does, two 20 ms units a frame.
     */
    public static CameraRecording record(AnnexBAccessUnits camera, byte[] alaw, Path dataDir, RecordingIndex index,
                                         TestClock clock, int frames, int stallBeforeFrame, Duration stall) {
        PooledByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
        RecorderStats recorderStats;
        try (SegmentWriter writer = new SegmentWriter(dataDir, index, allocator, clock, 64, 256L << 20)) {
            SegmentRecorder recorder = writer.newRecorder(RecordingStorageContract.CHANNEL, RecorderSettings.DEFAULTS);
            G711ToAac aac = new G711ToAac(allocator, recorder::onAccessUnit);
            long pts = 900_000; // a camera clock that does not start at 0
            int audioAt = 0;
            for (int i = 0; i < Math.min(frames, camera.size()); i++) {
                if (i == stallBeforeFrame) {
                    clock.advance(stall);
                }
                AccessUnit unit = camera.accessUnit(i, pts, allocator);
                try {
                    recorder.onAccessUnit(unit);
                } finally {
                    unit.release();
                }
                for (int k = 0; alaw != null && k < 2 && audioAt + 160 <= alaw.length; k++, audioAt += 160) {
                    long audioPts = 900_000 + audioAt / 160 * 1800L;
                    aac.accept(new AccessUnit(Codec.G711A, audioPts, audioPts, true,
                            Unpooled.wrappedBuffer(alaw, audioAt, 160)));
                }
                pts += AnnexBAccessUnits.FRAME_TICKS;
                clock.advance(Duration.ofMillis(40));
            }
            aac.close();
            recorder.onStreamClosed("camera unregistered");
            recorderStats = recorder.stats();
            writer.close();
            return new CameraRecording(recorderStats, writer.stats());
        }
    }
}
