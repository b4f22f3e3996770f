package io.gbgate.storage.recording;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Test helper: what FFmpeg decodes from a media file.
 *
 * @param frames          pictures decoded
 * @param firstIsKeyframe whether the first decoded picture is a keyframe
 * @param width           picture width
 * @param height          picture height
 * @param firstMicros     timestamp of the first picture
 * @param lastMicros      timestamp of the last picture
 */
public record DecodedVideo(int frames, boolean firstIsKeyframe, int width, int height, long firstMicros,
                           long lastMicros) {

    /** Decodes every picture of {@code file}. */
    public static DecodedVideo of(Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            int frames = 0;
            boolean firstKey = false;
            int width = 0;
            int height = 0;
            long first = -1;
            long last = -1;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (frames == 0) {
                    firstKey = frame.keyFrame;
                    first = frame.timestamp;
                }
                last = frame.timestamp;
                width = frame.imageWidth;
                height = frame.imageHeight;
                frames++;
            }
            grabber.stop();
            return new DecodedVideo(frames, firstKey, width, height, first, last);
        }
    }
}
