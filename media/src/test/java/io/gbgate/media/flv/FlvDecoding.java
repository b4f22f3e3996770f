package io.gbgate.media.flv;

import java.io.ByteArrayInputStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Test helper: what FFmpeg's flv demuxer and decoders make of an FLV byte stream.
 *
 * @param videoFrames       decoded pictures
 * @param width             width of the last picture
 * @param height            height of the last picture
 * @param firstIsKeyframe   the first decoded picture is a keyframe
 * @param videoTimesIncrease picture timestamps strictly increase
 * @param audioCodec        FFmpeg's name of the audio codec, or null without audio
 * @param sampleRate        audio sample rate
 * @param audioChannels     audio channels
 * @param audioFrames       decoded audio frames
 */
record FlvDecoding(int videoFrames, int width, int height, boolean firstIsKeyframe, boolean videoTimesIncrease,
        String audioCodec, int sampleRate, int audioChannels, int audioFrames) {

    static FlvDecoding of(byte[] flv) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(flv))) {
            grabber.setFormat("flv");
            grabber.start();
            int pictures = 0;
            int samples = 0;
            int width = 0;
            int height = 0;
            boolean firstKey = false;
            boolean increasing = true;
            long lastVideoTime = Long.MIN_VALUE;
            Frame frame;
            while ((frame = grabber.grab()) != null) {
                if (frame.image != null) {
                    if (pictures == 0) {
                        firstKey = frame.keyFrame;
                    }
                    increasing &= frame.timestamp > lastVideoTime;
                    lastVideoTime = frame.timestamp;
                    width = frame.imageWidth;
                    height = frame.imageHeight;
                    pictures++;
                } else if (frame.samples != null) {
                    samples++;
                }
            }
            String audioCodec = grabber.hasAudio() ? grabber.getAudioCodecName() : null;
            FlvDecoding decoding = new FlvDecoding(pictures, width, height, firstKey, increasing, audioCodec,
                    grabber.getSampleRate(), grabber.getAudioChannels(), samples);
            grabber.stop();
            return decoding;
        }
    }
}
