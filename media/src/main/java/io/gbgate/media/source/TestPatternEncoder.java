package io.gbgate.media.source;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.codec.H264ParameterSetInjector;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.time.Clock;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Encodes a moving test pattern (see {@link TestPatternPainter}) to H.264 with FFmpeg's
 * libavcodec, one Annex B {@link AccessUnit} per frame. Every keyframe is an IDR picture that
 * carries SPS and PPS in front, forced every {@code gopFrames} frames.
 *
 * <p>The picture, the colour conversion buffers, the frame and the packet are allocated once and
 * reused; {@link #close()} frees the native memory. Not thread-safe: one caller at a time.
 */
public final class TestPatternEncoder implements AutoCloseable {
    private final TestPatternConfig config;
    private final ByteBufAllocator allocator;
    private final TestPatternPainter painter;
    private final H264EncoderContext encoder;
    private final H264ParameterSetInjector parameterSets = new H264ParameterSetInjector();
    private final AVFrame frame;
    private final AVPacket packet;
    private final SwsContext converter;
    private final BytePointer bgrPixels;
    private final PointerPointer<?> bgrPlanes;
    private final IntPointer bgrStrides;
    private long frameIndex;
    private boolean closed;

    /** Encoder with the system clock burned in and pooled direct buffers for the output. */
    public TestPatternEncoder(TestPatternConfig config) {
        this(config, Clock.systemDefaultZone(), PooledByteBufAllocator.DEFAULT);
    }

    /**
     * @throws IllegalStateException when no H.264 encoder can be opened
     */
    public TestPatternEncoder(TestPatternConfig config, Clock clock, ByteBufAllocator allocator) {
        this.config = config;
        this.allocator = allocator;
        int width = config.width();
        int height = config.height();
        this.encoder = H264EncoderContext.open(config);
        encoder.observeExtradata(parameterSets);
        AVFrame allocatedFrame = null;
        AVPacket allocatedPacket = null;
        SwsContext allocatedConverter = null;
        try {
            allocatedFrame = av_frame_alloc();
            allocatedFrame.format(AV_PIX_FMT_YUV420P).width(width).height(height);
            FfmpegErrors.check(av_frame_get_buffer(allocatedFrame, 0), "av_frame_get_buffer");
            allocatedPacket = av_packet_alloc();
            allocatedConverter = sws_getContext(width, height, AV_PIX_FMT_BGR24, width, height,
                    AV_PIX_FMT_YUV420P, SWS_BILINEAR, null, null, (DoublePointer) null);
            if (allocatedConverter == null || allocatedConverter.isNull()) {
                throw new IllegalStateException("sws_getContext failed for " + width + "x" + height);
            }
        } catch (RuntimeException e) {
            freeNative(allocatedFrame, allocatedPacket, allocatedConverter);
            encoder.close();
            throw e;
        }
        this.frame = allocatedFrame;
        this.packet = allocatedPacket;
        this.converter = allocatedConverter;
        this.bgrPixels = new BytePointer((long) width * height * 3);
        this.bgrPlanes = new PointerPointer<>(1).put(0, bgrPixels);
        this.bgrStrides = new IntPointer(1).put(0, width * 3);
        this.painter = new TestPatternPainter(config.cameraName(), width, height, clock);
    }

    /** Name of the libavcodec encoder in use, e.g. {@code libopenh264}. */
    public String encoderName() {
        return encoder.name();
    }

    public TestPatternConfig config() {
        return config;
    }

    /** Number of frames encoded so far; the next frame gets this index. */
    public long frameIndex() {
        return frameIndex;
    }

    /**
     * Paints and encodes the next frame.
     *
     * @param pts90k presentation time of the frame in 90 kHz units (also used as its DTS)
     * @return the access unit, owned by the caller, or null when the encoder buffered the frame
     *         without output yet
     * @throws IllegalStateException when libavcodec reports an error or the encoder is closed
     */
    public AccessUnit encodeNext(long pts90k) {
        if (closed) {
            throw new IllegalStateException("encoder closed");
        }
        byte[] pixels = painter.paint(frameIndex);
        bgrPixels.position(0).put(pixels, 0, pixels.length);
        FfmpegErrors.check(av_frame_make_writable(frame), "av_frame_make_writable");
        sws_scale(converter, bgrPlanes, bgrStrides, 0, config.height(), frame.data(), frame.linesize());
        boolean forceKeyframe = frameIndex % config.gopFrames() == 0;
        frame.pts(pts90k);
        frame.pict_type(forceKeyframe ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        frameIndex++;
        FfmpegErrors.check(avcodec_send_frame(encoder.context(), frame), "avcodec_send_frame");
        int received = avcodec_receive_packet(encoder.context(), packet);
        if (received == AVERROR_EAGAIN()) {
            return null;
        }
        FfmpegErrors.check(received, "avcodec_receive_packet");
        try {
            return toAccessUnit(pts90k);
        } finally {
            av_packet_unref(packet);
        }
    }

    private AccessUnit toAccessUnit(long fallbackPts) {
        int size = packet.size();
        BytePointer data = packet.data();
        ByteBuf encoded = Unpooled.wrappedBuffer(data.position(0).limit(size).capacity(size).asByteBuffer());
        boolean keyframe = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
        ByteBuf payload = parameterSets.copy(encoded, keyframe, allocator);
        encoded.release(); // only the wrapper: the bytes belong to the packet
        long pts = packet.pts() == AV_NOPTS_VALUE ? fallbackPts : packet.pts();
        long dts = packet.dts() == AV_NOPTS_VALUE ? pts : packet.dts();
        return new AccessUnit(Codec.H264, pts, dts, keyframe, payload);
    }

    /** Frees the encoder and all native buffers; later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        painter.close();
        freeNative(frame, packet, converter);
        bgrPlanes.close();
        bgrStrides.close();
        bgrPixels.close();
        encoder.close();
    }

    private static void freeNative(AVFrame frame, AVPacket packet, SwsContext converter) {
        if (frame != null) {
            av_frame_free(frame);
        }
        if (packet != null) {
            av_packet_free(packet);
        }
        if (converter != null && !converter.isNull()) {
            sws_freeContext(converter);
        }
    }
}
