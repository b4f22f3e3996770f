package io.gbgate.media.audio;

import java.io.ByteArrayInputStream;
import java.nio.ShortBuffer;
import java.util.Arrays;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/** Test helper: the mono 16-bit samples FFmpeg (javacv) decodes from a byte stream, and its sample rate. */
record DecodedAudio(short[] samples, int sampleRate, String codec) {

    /** Decodes {@code data} as FFmpeg input format {@code format} ("alaw", "aac", "mpegts", ...). */
    static DecodedAudio of(byte[] data, String format, int rawSampleRate) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        short[] all = new short[1 << 16];
        int count = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(data), 0)) {
            grabber.setFormat(format);
            if (rawSampleRate > 0) {
                grabber.setSampleRate(rawSampleRate);
                grabber.setAudioChannels(1);
            }
            grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                ShortBuffer samples = (ShortBuffer) frame.samples[0];
                while (samples.hasRemaining()) {
                    if (count == all.length) {
                        all = Arrays.copyOf(all, all.length * 2);
                    }
                    all[count++] = samples.get();
                }
            }
            return new DecodedAudio(Arrays.copyOf(all, count), grabber.getSampleRate(), grabber.getAudioCodecName());
        }
    }

    /** Root mean square of the samples from {@code from} on, {@code length} of them. */
    static double rms(short[] samples, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / length);
    }
}
