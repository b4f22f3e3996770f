package io.gbgate.media.transcode;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.source.FfmpegErrors;
import io.gbgate.media.source.H264EncoderContext;
import io.netty.buffer.ByteBufAllocator;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;

/**
 * Encodes decoded pictures to H.264 Annex B access units with the test pattern's encoder set-up
 * ({@link H264EncoderContext}: libopenh264, no B-frames, one packet per frame). Opened on the first
 * picture and reopened when the picture size changes; pictures that are not 8-bit 4:2:0 (10-bit
 * HEVC, full-range) are converted first. Every keyframe carries SPS and PPS. Not thread-safe.
 */
final class H264FrameEncoder implements AutoCloseable {
    /** The encoder's own GOP is long: keyframes are forced by the caller. */
    private static final int GOP_SECONDS = 10;

    private final TranscodeSettings settings;
    private final ByteBufAllocator allocator;
    private H264EncoderContext encoder;
    private int width;
    private int height;
    private int sourceFormat = -1;
    private SwsContext converter;
    private AVFrame converted;

    H264FrameEncoder(TranscodeSettings settings, ByteBufAllocator allocator) {
        this.settings = settings;
        this.allocator = allocator;
    }

    /** Name of the libavcodec encoder, or null before the first picture. */
    String encoderName() {
        return encoder == null ? null : encoder.name();
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * Encodes {@code picture} with presentation time {@code pts90k}.
     *
     * @param fps      frame rate for rate control when the encoder has to be (re)opened
     * @param keyframe whether to force an IDR picture
     * @return the access unit (owned by the caller), or null when the encoder produced none yet
     */
    AccessUnit encode(AVFrame picture, long pts90k, int fps, boolean keyframe) {
        if (encoder == null || picture.width() != width || picture.height() != height
                || picture.format() != sourceFormat) {
            open(picture.width(), picture.height(), picture.format(), fps);
        }
        AVFrame input = picture;
        if (converter != null) {
            sws_scale(converter, picture.data(), picture.linesize(), 0, height, converted.data(), converted.linesize());
            input = converted;
        }
        return encoder.encode(input, pts90k, keyframe, allocator);
    }

    private void open(int newWidth, int newHeight, int format, int fps) {
        closeEncoder();
        width = newWidth;
        height = newHeight;
        sourceFormat = format;
        encoder = H264EncoderContext.open(width, height, fps, fps * GOP_SECONDS, settings.bitrate(width, height, fps));
        if (format != AV_PIX_FMT_YUV420P) {
            converter = sws_getContext(width, height, format, width, height, AV_PIX_FMT_YUV420P, SWS_BILINEAR,
                    null, null, (DoublePointer) null);
            if (converter == null || converter.isNull()) {
                converter = null;
                throw new IllegalStateException("sws_getContext failed for pixel format " + format + " at "
                        + width + "x" + height);
            }
            converted = av_frame_alloc();
            converted.format(AV_PIX_FMT_YUV420P).width(width).height(height);
            FfmpegErrors.check(av_frame_get_buffer(converted, 0), "av_frame_get_buffer");
        }
    }

    private void closeEncoder() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
        if (converter != null) {
            sws_freeContext(converter);
            converter = null;
        }
        if (converted != null) {
            av_frame_free(converted);
            converted = null;
        }
    }

    @Override
    public void close() {
        closeEncoder();
    }
}
