package io.gbgate.gateway;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gbgate.gateway.simulator.H265FileFeed;
import io.gbgate.gateway.simulator.MuxedFeed;
import io.gbgate.gateway.simulator.PsFeed;
import io.gbgate.media.source.H265ElementaryStream;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Generates a short H.265 Annex B clip with the ffmpeg command line (libx265): javacv's LGPL FFmpeg
 * has no HEVC encoder. Tests using it are skipped with a message when the CLI is absent.
 */
final class HevcClip {
    static final Path FFMPEG = Path.of(System.getProperty("gbgate.ffmpeg", "/usr/bin/ffmpeg"));

    /** Width and height of {@link #camera}'s pictures. */
    static final int CAMERA_WIDTH = 320;
    static final int CAMERA_HEIGHT = 240;
    private static H265ElementaryStream cameraClip;

    private HevcClip() {
    }

    /**
     * An H.265 camera for {@code GatewayTestBase.camera}: a 4 s {@value #CAMERA_WIDTH}x{@value #CAMERA_HEIGHT}
     * clip (generated once per JVM) looped at 25 fps as GB28181 PS, new for each INVITE.
     */
    static synchronized Supplier<PsFeed> camera(ScheduledExecutorService feeds) throws IOException, InterruptedException {
        if (cameraClip == null) {
            cameraClip = generate(Files.createTempDirectory("gbgate-h265"), CAMERA_WIDTH, CAMERA_HEIGHT, 4);
        }
        H265ElementaryStream stream = cameraClip;
        return () -> new MuxedFeed(new H265FileFeed(stream, 25, feeds), PooledByteBufAllocator.DEFAULT);
    }

    /** {@code seconds} of testsrc2 at {@code width x height}, 25 fps, a keyframe every second, no B-frames. */
    static H265ElementaryStream generate(Path dir, int width, int height, int seconds)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(FFMPEG), "ffmpeg CLI with libx265 absent at " + FFMPEG
                + " (apt-get install ffmpeg); H.265 tests skipped");
        Path out = dir.resolve("clip-" + width + "x" + height + ".h265");
        Process process = new ProcessBuilder(List.of(FFMPEG.toString(), "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25",
                "-t", Integer.toString(seconds), "-pix_fmt", "yuv420p", "-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "keyint=25:min-keyint=25:bframes=0:log-level=error", "-f", "hevc", out.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("ffmpeg did not finish within 120 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed (" + process.exitValue() + "): "
                    + Files.readString(dir.resolve("ffmpeg.log")));
        }
        return H265ElementaryStream.parse(Files.readAllBytes(out));
    }
}
