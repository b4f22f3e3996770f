package io.gbgate.gateway;

import java.io.ByteArrayInputStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/** Decodes the start of a live FLV stream (as fetched over HTTP-FLV or WebSocket-FLV) with FFmpeg. */
final class FlvProbe {
    record Result(int frames, int width, int height) {
    }

    private FlvProbe() {
    }

    /**
     * Decodes every complete picture in {@code flv}; the bytes end mid-tag (a live stream cut off),
     * so decoding stops at the first error after the last whole frame.
     */
    static Result decode(byte[] flv) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        int frames = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(flv), 0)) {
            grabber.setFormat("flv");
            grabber.start();
            try {
                Frame frame;
                while ((frame = grabber.grabImage()) != null) {
                    if (frame.image != null) {
                        frames++;
                    }
                }
            } catch (FFmpegFrameGrabber.Exception truncatedAtTheEnd) {
                // the last tag was cut off by the test: the frames before it count
            }
            return new Result(frames, grabber.getImageWidth(), grabber.getImageHeight());
        }
    }
}
