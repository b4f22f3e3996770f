package io.gbgate.media.source;

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

import io.gbgate.media.AccessUnit;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Clock;
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
 * <p>The picture, the colour conversion buffers and the frame are allocated once and
 * reused; {@link #close()} frees the native memory. Not thread-safe: one caller at a time.
 */
public final class TestPatternEncoder implements AutoCloseable {
    private final TestPatternConfig config;
    private final ByteBufAllocator allocator;
    private final TestPatternPainter painter;
    private final H264EncoderContext encoder;
    private final AVFrame frame;
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
        AVFrame allocatedFrame = null;
        SwsContext allocatedConverter = null;
        try {
            allocatedFrame = av_frame_alloc();
            allocatedFrame.format(AV_PIX_FMT_YUV420P).width(width).height(height);
            FfmpegErrors.check(av_frame_get_buffer(allocatedFrame, 0), "av_frame_get_buffer");
            allocatedConverter = sws_getContext(width, height, AV_PIX_FMT_BGR24, width, height,
                    AV_PIX_FMT_YUV420P, SWS_BILINEAR, null, null, (DoublePointer) null);
            if (allocatedConverter == null || allocatedConverter.isNull()) {
                throw new IllegalStateException("sws_getContext failed for " + width + "x" + height);
            }
        } catch (RuntimeException e) {
            freeNative(allocatedFrame, allocatedConverter);
            encoder.close();
            throw e;
        }
        this.frame = allocatedFrame;
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
        frameIndex++;
        return encoder.encode(frame, pts90k, forceKeyframe, allocator);
    }

    /** Frees the encoder and all native buffers; later calls do nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        painter.close();
        freeNative(frame, converter);
        bgrPlanes.close();
        bgrStrides.close();
        bgrPixels.close();
        encoder.close();
    }

    private static void freeNative(AVFrame frame, SwsContext converter) {
        if (frame != null) {
            av_frame_free(frame);
        }
        if (converter != null && !converter.isNull()) {
            sws_freeContext(converter);
        }
    }
}
