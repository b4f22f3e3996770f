package io.gbgate.media.audio;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

import io.gbgate.media.source.FfmpegErrors;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.FloatPointer;

/**
 * FFmpeg's native AAC-LC encoder, mono, for one stream's audio: takes {@link #frameSamples()} samples at a
 * time and hands out raw AAC frames (no ADTS) with their presentation time in samples (the encoder's priming
 * makes the first ones negative). Not thread-safe; {@link #close} frees the native context.
 */
public final class AacEncoder implements AutoCloseable {
    /** Output frames the encoder gives per call at most (it may hold a frame or two back). */
    @FunctionalInterface
    public interface FrameConsumer {
        void frame(byte[] aac, long ptsSamples);
    }

    private final int sampleRate;
    private AVCodecContext context;
    private AVFrame frame;
    private AVPacket packet;
    private long nextPts;

    private AacEncoder(int sampleRate, AVCodecContext context) {
        this.sampleRate = sampleRate;
        this.context = context;
        this.frame = av_frame_alloc();
        frame.nb_samples(context.frame_size());
        frame.format(AV_SAMPLE_FMT_FLTP);
        frame.sample_rate(sampleRate);
        av_channel_layout_copy(frame.ch_layout(), context.ch_layout());
        check(av_frame_get_buffer(frame, 0), "av_frame_get_buffer");
        this.packet = av_packet_alloc();
    }

    /** Opens a mono AAC-LC encoder at {@code sampleRate} Hz and {@code bitRate} bit/s. */
    public static AacEncoder open(int sampleRate, int bitRate) {
        AVCodec codec = avcodec_find_encoder(avcodec.AV_CODEC_ID_AAC);
        if (codec == null || codec.isNull()) {
            throw new IllegalStateException("this FFmpeg build has no AAC encoder");
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        context.sample_rate(sampleRate);
        context.sample_fmt(AV_SAMPLE_FMT_FLTP);
        context.bit_rate(bitRate);
        context.time_base(av_make_q(1, sampleRate));
        av_channel_layout_default(context.ch_layout(), 1);
        int result = avcodec_open2(context, codec, (AVDictionary) null);
        if (result < 0) {
            avcodec_free_context(context);
            throw new IllegalStateException("AAC encoder refused " + sampleRate + " Hz mono: "
                    + FfmpegErrors.describe(result));
        }
        return new AacEncoder(sampleRate, context);
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Samples per AAC frame (1024). */
    public int frameSamples() {
        return context.frame_size();
    }

    /** Encodes one frame of {@link #frameSamples()} samples (-1..1) and hands out what the encoder returns. */
    public void encode(float[] samples, FrameConsumer out) {
        if (samples.length != frameSamples()) {
            throw new IllegalArgumentException("an AAC frame takes " + frameSamples() + " samples, got "
                    + samples.length);
        }
        check(av_frame_make_writable(frame), "av_frame_make_writable");
        new FloatPointer(frame.data(0)).put(samples);
        frame.pts(nextPts);
        nextPts += samples.length;
        check(avcodec_send_frame(context, frame), "avcodec_send_frame");
        drain(out);
    }

    private void drain(FrameConsumer out) {
        while (true) {
            int result = avcodec_receive_packet(context, packet);
            if (result == AVERROR_EAGAIN() || result < 0) {
                return;
            }
            byte[] aac = new byte[packet.size()];
            packet.data().get(aac);
            long pts = packet.pts();
            av_packet_unref(packet);
            out.frame(aac, pts);
        }
    }

    private static void check(int result, String call) {
        if (result < 0) {
            throw new IllegalStateException(call + " failed: " + FfmpegErrors.describe(result));
        }
    }

    @Override
    public void close() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
    }
}
