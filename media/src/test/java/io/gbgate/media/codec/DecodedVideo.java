package io.gbgate.media.codec;

import java.io.ByteArrayInputStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Test helper: what FFmpeg (javacv) decodes from a byte stream of one container or elementary
 * stream format.
 *
 * @param pictures decoded pictures
 * @param width    picture width FFmpeg reports
 * @param height   picture height FFmpeg reports
 */
public record DecodedVideo(int pictures, int width, int height) {

    /** Decodes {@code data} as FFmpeg input format {@code format} ("h264", "mpegts", ...). */
    public static DecodedVideo of(byte[] data, String format) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        int pictures = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(data), 0)) {
            grabber.setFormat(format);
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (frame.image != null) {
                    pictures++;
                }
            }
            return new DecodedVideo(pictures, grabber.getImageWidth(), grabber.getImageHeight());
        }
    }

    /** {pictures, width, height}. */
    public int[] toArray() {
        return new int[] {pictures, width, height};
    }
}
