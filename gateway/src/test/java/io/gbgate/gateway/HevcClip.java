package io.gbgate.gateway;

import io.gbgate.gateway.simulator.H265FileFeed;
import io.gbgate.gateway.simulator.MuxedFeed;
import io.gbgate.gateway.simulator.PsFeed;
import io.gbgate.media.source.H265ElementaryStream;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The gateway tests' name for the media module's {@link io.gbgate.media.transcode.HevcClip}: a short
 * H.265 clip from the ffmpeg command line (libx265); tests using it are skipped with a message when
 * the CLI is absent.
 */
final class HevcClip {
    static final Path FFMPEG = io.gbgate.media.transcode.HevcClip.FFMPEG;

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
        return io.gbgate.media.transcode.HevcClip.generate(dir, width, height, seconds);
    }
}
