package io.gbgate.gateway.loadtest;

import io.gbgate.gateway.simulator.PsFile;
import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.ps.PsMuxer;
import io.gbgate.media.source.TestPatternConfig;
import io.gbgate.media.source.TestPatternEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The recording every simulated channel loops: encoded once from the moving test pattern (H.264,
 * one-second GOP, the given bit rate) and packed as GB28181 MPEG-PS into a file, then loaded as a
 * {@link PsFile} whose bytes all channels share.
 */
public final class LoadRecording {

    /** What to encode: picture size and rate, target bit rate, keyframe distance in frames, loop length. */
    public record Spec(int width, int height, int fps, int bitrate, int gopFrames, int seconds) {
        TestPatternConfig config() {
            return TestPatternConfig.of("load harness", width, height, fps).withBitrate(bitrate)
                    .withGopFrames(gopFrames);
        }
    }

    /** A loaded recording and its measured bit rate over one loop. */
    public record Loaded(PsFile file, double bitsPerSecond, String description) {
    }

    private LoadRecording() {
    }

    /** Encodes {@code spec} into {@code target} (MPEG-PS) and loads it. */
    public static Loaded generate(Spec spec, Path target) throws IOException {
        TestPatternConfig config = spec.config();
        int frames = spec.fps() * spec.seconds();
        PsMuxer muxer = new PsMuxer(Codec.H264, null);
        try (TestPatternEncoder encoder = new TestPatternEncoder(config, Clock.systemUTC(),
                PooledByteBufAllocator.DEFAULT); OutputStream out = Files.newOutputStream(target)) {
            for (int i = 0; i < frames; i++) {
                AccessUnit unit = encoder.encodeNext(config.pts90k(i));
                if (unit != null) {
                    write(muxer, unit, out);
                }
            }
        }
        Loaded loaded = load(target);
        return new Loaded(loaded.file(), loaded.bitsPerSecond(), String.format("generated %dx%d %d fps H.264,"
                + " target %.2f Mb/s, GOP %d frames, %d s loop", spec.width(), spec.height(), spec.fps(),
                spec.bitrate() / 1e6, spec.gopFrames(), spec.seconds()));
    }

    /** Loads an existing MPEG-PS recording as a camera sent it. */
    public static Loaded load(Path file) throws IOException {
        PsFile ps = PsFile.load(file);
        double seconds = ps.loopTicks() / 90_000.0;
        double bits = Files.size(file) * 8.0 / seconds;
        return new Loaded(ps, bits, String.format("%s, %d frames, %.1f s loop", file, ps.frames().size(), seconds));
    }

    private static void write(PsMuxer muxer, AccessUnit unit, OutputStream out) throws IOException {
        try {
            ByteBuf ps = muxer.mux(unit, PooledByteBufAllocator.DEFAULT);
            try {
                ps.readBytes(out, ps.readableBytes());
            } finally {
                ps.release();
            }
        } finally {
            unit.data().release();
        }
    }
}
