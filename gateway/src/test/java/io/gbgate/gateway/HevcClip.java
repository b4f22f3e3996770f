package io.gbgate.gateway;

import io.gbgate.media.source.H265ElementaryStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The gateway tests' name for the media module's {@link io.gbgate.media.transcode.HevcClip}: a short
 * H.265 clip from the ffmpeg command line (libx265); tests using it are skipped with a message when
 * the CLI is absent.
 */
final class HevcClip {
    static final Path FFMPEG = io.gbgate.media.transcode.HevcClip.FFMPEG;

    private HevcClip() {
    }

    /** {@code seconds} of testsrc2 at {@code width x height}, 25 fps, a keyframe every second, no B-frames. */
    static H265ElementaryStream generate(Path dir, int width, int height, int seconds)
            throws IOException, InterruptedException {
        return io.gbgate.media.transcode.HevcClip.generate(dir, width, height, seconds);
    }
}
