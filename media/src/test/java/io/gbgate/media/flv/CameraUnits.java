package io.gbgate.media.flv;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.hls.AnnexBAccessUnits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Test helper: the D1 camera video (25 fps) and, optionally, the camera's G.711 A-law audio in
 * 20 ms frames, as access units in timestamp order.
 */
final class CameraUnits {
    /** 20 ms of 8 kHz audio. */
    static final int AUDIO_FRAME_BYTES = 160;
    static final long AUDIO_FRAME_TICKS = 1_800;

    private final AnnexBAccessUnits video;
    private final byte[] audio;

    private CameraUnits(AnnexBAccessUnits video, byte[] audio) {
        this.video = video;
        this.audio = audio;
    }

    /** Video only; the test is skipped without camera data. */
    static CameraUnits video() throws IOException {
        return new CameraUnits(AnnexBAccessUnits.cameraD1(), null);
    }

    /** Video with G.711 A-law audio; the test is skipped without camera data. */
    static CameraUnits videoWithAudio() throws IOException {
        AnnexBAccessUnits video = AnnexBAccessUnits.cameraD1();
        Path dir = Path.of(System.getProperty("gbgate.testdata", "../shared/testdata"), "camera-ps");
        return new CameraUnits(video, Files.readAllBytes(dir.resolve("gb-audio.g711a")));
    }

    int videoFrames() {
        return video.size();
    }

    boolean keyframe(int videoIndex) {
        return video.frame(videoIndex).keyframe();
    }

    /**
     * Creates the units of video frames {@code [from, to)}, each followed by the audio frames of
     * its 40 ms, hands each to {@code consumer} and releases it afterwards.
     */
    void play(int from, int to, ByteBufAllocator allocator, Consumer<AccessUnit> consumer) {
        long nextAudio = from * AnnexBAccessUnits.FRAME_TICKS;
        for (int i = from; i < to; i++) {
            long videoPts = i * AnnexBAccessUnits.FRAME_TICKS;
            feed(video.accessUnit(i, videoPts, allocator), consumer);
            while (audio != null && nextAudio < videoPts + AnnexBAccessUnits.FRAME_TICKS) {
                int offset = (int) (nextAudio / AUDIO_FRAME_TICKS) * AUDIO_FRAME_BYTES;
                if (offset + AUDIO_FRAME_BYTES <= audio.length) {
                    ByteBuf frame = allocator.buffer(AUDIO_FRAME_BYTES).writeBytes(audio, offset, AUDIO_FRAME_BYTES);
                    feed(new AccessUnit(Codec.G711A, nextAudio, nextAudio, false, frame), consumer);
                }
                nextAudio += AUDIO_FRAME_TICKS;
            }
        }
    }

    private static void feed(AccessUnit unit, Consumer<AccessUnit> consumer) {
        try {
            consumer.accept(unit);
        } finally {
            unit.release();
        }
    }
}
