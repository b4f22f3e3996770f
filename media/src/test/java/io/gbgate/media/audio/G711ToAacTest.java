package io.gbgate.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.codec.CameraTestData;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real camera's G.711 A-law (8 kHz mono, 73 s) through {@link G711ToAac}: the ADTS stream FFmpeg decodes
 * back lasts as long, sounds as loud and lines up sample for sample with the input, and the timestamps
 * follow the G.711 ones.
 */
@ExtendWith(NettyLeakGuard.class)
class G711ToAacTest {
    private static final int UNIT_BYTES = 160; // 20 ms, as cameras packetize it
    private static final long UNIT_TICKS = 1800;

    private record Frame(long pts, byte[] adts) {
    }

    @Test
    void aCamerasAlawBecomesAacThatDecodesToTheSameSound() throws Exception {
        byte[] alaw = Files.readAllBytes(CameraTestData.cameraPsDirectory().resolve("gb-audio.g711a"));
        List<Frame> frames = new ArrayList<>();
        long firstPts = 900_000;
        long started = System.nanoTime();
        try (G711ToAac converter = new G711ToAac(PooledByteBufAllocator.DEFAULT, unit -> frames.add(frame(unit)))) {
            for (int i = 0; i + UNIT_BYTES <= alaw.length; i += UNIT_BYTES) {
                converter.accept(alawUnit(alaw, i, firstPts + i / UNIT_BYTES * UNIT_TICKS));
            }
            assertThat(converter.resyncs()).isZero();
            assertThat(converter.framesOut()).isEqualTo(frames.size());
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        ByteArrayOutputStream adts = new ByteArrayOutputStream();
        frames.forEach(frame -> adts.writeBytes(frame.adts()));
        DecodedAudio decoded = DecodedAudio.of(adts.toByteArray(), "aac", 0);
        assertThat(decoded.sampleRate()).isEqualTo(8000);
        int inputSamples = alaw.length / UNIT_BYTES * UNIT_BYTES;
        assertThat(decoded.samples().length).as("all but the last partial frame")
                .isBetween(inputSamples - 2 * 1024, inputSamples + 1024);

        short[] original = DecodedAudio.of(alaw, "alaw", 8000).samples();
        int priming = bestLag(original, decoded.samples());
        assertThat(priming).as("the encoder's priming delay").isBetween(0, 2048);
        int window = 8000 * 60;
        double inRms = DecodedAudio.rms(original, 0, window);
        double outRms = DecodedAudio.rms(decoded.samples(), priming, window);
        assertThat(inRms).as("the recording is not silence").isGreaterThan(100);
        assertThat(outRms / inRms).as("same loudness").isBetween(0.8, 1.2);
        double similarity = correlation(original, decoded.samples(), priming, window);
        assertThat(similarity).as("same waveform").isGreaterThan(0.9);
        long warmStart = System.nanoTime();
        for (int run = 0; run < 3; run++) {
            try (G711ToAac converter = new G711ToAac(PooledByteBufAllocator.DEFAULT, unit -> { })) {
                for (int i = 0; i + UNIT_BYTES <= alaw.length; i += UNIT_BYTES) {
                    converter.accept(alawUnit(alaw, i, firstPts + i / UNIT_BYTES * UNIT_TICKS));
                }
            }
        }
        double warm = (System.nanoTime() - warmStart) / 1e9 / 3;
        System.out.printf("[figures] G.711 -> AAC: %.1f s of camera audio converted in %.3f s cold, %.3f s warm"
                + " (%.0fx real time = %.2f %% of a core per stream), priming %d samples, loudness ratio %.3f,"
                + " correlation %.3f%n", inputSamples / 8000.0, seconds, warm, inputSamples / 8000.0 / warm,
                100 * warm / (inputSamples / 8000.0), priming, outRms / inRms, similarity);

        long frameTicks = 1024 * 90_000 / 8000;
        for (int i = 1; i < frames.size(); i++) {
            assertThat(frames.get(i).pts() - frames.get(i - 1).pts()).isEqualTo(frameTicks);
        }
        assertThat(frames.get(0).pts()).as("first frame at the first G.711 PTS minus the priming")
                .isBetween(firstPts - 2 * frameTicks, firstPts);
    }

    @Test
    void aJumpInTheCameraClockReanchorsTheTimestamps() {
        List<Long> pts = new ArrayList<>();
        try (G711ToAac converter = new G711ToAac(PooledByteBufAllocator.DEFAULT, unit -> pts.add(unit.pts()))) {
            byte[] silence = new byte[8000];
            java.util.Arrays.fill(silence, (byte) 0xD5);
            for (int i = 0; i < 50; i++) {
                converter.accept(alawUnit(silence, i * UNIT_BYTES, 10_000 + i * UNIT_TICKS));
            }
            for (int i = 0; i < 50; i++) { // the camera's clock jumped 100 s ahead
                converter.accept(alawUnit(silence, i * UNIT_BYTES, 9_010_000 + i * UNIT_TICKS));
            }
            assertThat(converter.resyncs()).isEqualTo(1);
            converter.accept(new AccessUnit(Codec.H264, 0, 0, true, Unpooled.EMPTY_BUFFER));
            assertThat(converter.unitsIn()).as("video ignored").isEqualTo(100);
        }
        assertThat(pts.get(pts.size() - 1)).isBetween(9_010_000L, 9_010_000L + 50 * UNIT_TICKS);
        assertThat(pts.get(1)).isLessThan(10_000L + 50 * UNIT_TICKS);
    }

    private static AccessUnit alawUnit(byte[] alaw, int offset, long pts) {
        return new AccessUnit(Codec.G711A, pts, pts, true, Unpooled.wrappedBuffer(alaw, offset, UNIT_BYTES));
    }

    private static Frame frame(AccessUnit unit) {
        assertThat(unit.codec()).isEqualTo(Codec.AAC);
        return new Frame(unit.pts(), ByteBufUtil.getBytes(unit.data()));
    }

    /** The delay (in samples) at which {@code decoded} best matches {@code original}. */
    private static int bestLag(short[] original, short[] decoded) {
        int best = 0;
        double bestScore = -2;
        for (int lag = 0; lag <= 2048; lag++) {
            double score = correlation(original, decoded, lag, 8000);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }

    private static double correlation(short[] original, short[] decoded, int lag, int length) {
        int start = 8000; // past the first second, where the recording surely has sound
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = start; i < start + length && i + lag < decoded.length && i < original.length; i++) {
            double x = original[i];
            double y = decoded[i + lag];
            xy += x * y;
            xx += x * x;
            yy += y * y;
        }
        return xx == 0 || yy == 0 ? 0 : xy / Math.sqrt(xx * yy);
    }
}
