package io.gbgate.media.transcode;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.source.FfmpegErrors;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;

/**
 * FFmpeg's HEVC decoder fed Annex B access units: one call per unit, each decoded picture handed to
 * a consumer while it is valid. The input buffer, packet and frame are allocated once (the input
 * grows when a bigger unit comes); {@link #close()} frees them. Single-threaded, no frame delay.
 */
final class HevcDecoder implements AutoCloseable {
    private static final int INITIAL_INPUT = 256 * 1024;
    private static final int PADDING = avcodec.AV_INPUT_BUFFER_PADDING_SIZE;

    private AVCodecContext context;
    private AVPacket packet;
    private AVFrame frame;
    private BytePointer input;
    private ByteBuffer inputView;

    HevcDecoder() {
        AVCodec codec = avcodec_find_decoder(avcodec.AV_CODEC_ID_HEVC);
        if (codec == null || codec.isNull()) {
            throw new IllegalStateException("this FFmpeg build has no HEVC decoder");
        }
        context = avcodec_alloc_context3(codec);
        if (context == null || context.isNull()) {
            throw new IllegalStateException("avcodec_alloc_context3 failed for HEVC");
        }
        context.thread_count(1);
        int opened = avcodec_open2(context, codec, (AVDictionary) null);
        if (opened < 0) {
            avcodec_free_context(context);
            context = null;
            throw new IllegalStateException("avcodec_open2 failed for HEVC: " + FfmpegErrors.describe(opened));
        }
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        grow(INITIAL_INPUT);
    }

    /**
     * Decodes {@code unit} (not released here); every picture that comes out is passed to
     * {@code pictures} and unreferenced after the call.
     *
     * @return the number of pictures
     * @throws IllegalStateException when the decoder rejects the unit (corrupt data)
     */
    int decode(AccessUnit unit, Consumer<AVFrame> pictures) {
        ByteBuf data = unit.data();
        int size = data.readableBytes();
        if (size + PADDING > inputView.capacity()) {
            grow(Math.max(size + PADDING, inputView.capacity() * 2));
        }
        inputView.clear().limit(size);
        data.getBytes(data.readerIndex(), inputView);
        inputView.limit(size + PADDING);
        for (int i = size; i < size + PADDING; i++) {
            inputView.put(i, (byte) 0); // the bitstream reader may look past the end
        }
        packet.data(input.position(0)).size(size).pts(unit.pts()).dts(unit.dts());
        int sent = avcodec_send_packet(context, packet);
        packet.data(null).size(0);
        FfmpegErrors.check(sent, "avcodec_send_packet");
        int count = 0;
        while (true) {
            int received = avcodec_receive_frame(context, frame);
            if (received == AVERROR_EAGAIN()) {
                return count;
            }
            FfmpegErrors.check(received, "avcodec_receive_frame");
            try {
                count++;
                pictures.accept(frame);
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    private void grow(int capacity) {
        if (input != null) {
            input.close();
        }
        input = new BytePointer(capacity);
        inputView = input.position(0).limit(capacity).capacity(capacity).asByteBuffer();
    }

    @Override
    public void close() {
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (input != null) {
            input.close();
            input = null;
        }
    }
}
