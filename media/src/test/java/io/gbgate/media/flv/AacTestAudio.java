package io.gbgate.media.flv;

import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * Test helper: a tone encoded by FFmpeg's native AAC encoder into ADTS, split into its frames
 * (each with its ADTS header, as a camera's AAC access units carry them).
 */
final class AacTestAudio {
    static final int SAMPLE_RATE = 44_100;

    private AacTestAudio() {
    }

    /** About {@code seconds} of a 440 Hz mono tone as ADTS frames. */
    static List<byte[]> adtsFrames(int seconds) throws Exception {
        ByteArrayOutputStream adts = new ByteArrayOutputStream();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(adts, 1)) {
            recorder.setFormat("adts");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.setAudioBitrate(64_000);
            recorder.start();
            short[] tone = new short[SAMPLE_RATE * seconds];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE));
            }
            recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(tone));
            recorder.stop();
        }
        byte[] stream = adts.toByteArray();
        List<byte[]> frames = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            AdtsHeader header = AdtsHeader.parse(Unpooled.wrappedBuffer(stream), at, stream.length);
            if (header == null) {
                throw new AssertionError("FFmpeg wrote no ADTS frame at " + at);
            }
            byte[] frame = new byte[header.frameLength()];
            System.arraycopy(stream, at, frame, 0, frame.length);
            frames.add(frame);
            at += frame.length;
        }
        return frames;
    }
}
