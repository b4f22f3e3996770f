package io.gbgate.media.source;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.codec.H264ParameterSetInjector;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opened libavcodec H.264 encoder for low-latency live output: no B-frames, in-band parameter
 * sets, one packet per frame. The LGPL bytedeco build ships {@code libopenh264}, which is tried
 * first; {@code libx264} and whatever FFmpeg registers for H.264 are fallbacks. Used by the test
 * pattern and by the H.265 to H.264 transcoder, which hand it pictures through {@link #encode}.
 * Not thread-safe.
 */
public final class H264EncoderContext implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(H264EncoderContext.class);
    private static final List<String> PREFERRED = List.of("libopenh264", "libx264");
    private static final Map<String, Map<String, String>> OPTIONS = Map.of(
            "libopenh264", Map.of("allow_skip_frames", "0"),
            "libx264", Map.of("preset", "veryfast", "tune", "zerolatency", "forced-idr", "1"));
    private static final int TIME_BASE_HZ = 90_000;

    private final String name;
    private final H264ParameterSetInjector parameterSets = new H264ParameterSetInjector();
    private AVCodecContext context;
    private AVPacket packet;

    private H264EncoderContext(String name, AVCodecContext context) {
        this.name = name;
        this.context = context;
        this.packet = av_packet_alloc();
        observeExtradata();
    }

    /**
     * Opens the first H.264 encoder that accepts the configuration.
     *
     * @throws IllegalStateException naming every encoder tried and why it failed
     */
    public static H264EncoderContext open(TestPatternConfig config) {
        return open(config.width(), config.height(), config.fps(), config.gopFrames(), config.bitrate());
    }

    /**
     * Opens the first H.264 encoder that accepts a {@code width x height} picture at {@code fps}, a
     * keyframe every {@code gopFrames} frames (forced ones come on top) and {@code bitrate} bit/s.
     *
     * @throws IllegalStateException naming every encoder tried and why it failed
     */
    public static H264EncoderContext open(int width, int height, int fps, int gopFrames, int bitrate) {
        List<String> failures = new ArrayList<>();
        for (AVCodec codec : candidates()) {
            String codecName = codec.name().getString();
            AVCodecContext context = avcodec_alloc_context3(codec);
            if (context == null || context.isNull()) {
                failures.add(codecName + ": avcodec_alloc_context3 failed");
                continue;
            }
            configure(context, width, height, fps, gopFrames, bitrate);
            AVDictionary options = new AVDictionary(null);
            OPTIONS.getOrDefault(codecName, Map.of()).forEach((k, v) -> av_dict_set(options, k, v, 0));
            int result = avcodec_open2(context, codec, options);
            av_dict_free(options);
            if (result >= 0) {
                log.debug("opened H.264 encoder {} for {}x{}@{}", codecName, width, height, fps);
                return new H264EncoderContext(codecName, context);
            }
            failures.add(codecName + ": " + FfmpegErrors.describe(result));
            avcodec_free_context(context);
        }
        throw new IllegalStateException("no usable H.264 encoder in this FFmpeg build; tried " + failures);
    }

    private static Set<AVCodec> candidates() {
        Set<AVCodec> codecs = new LinkedHashSet<>();
        for (String preferred : PREFERRED) {
            AVCodec codec = avcodec_find_encoder_by_name(preferred);
            if (codec != null && !codec.isNull()) {
                codecs.add(codec);
            }
        }
        AVCodec byId = avcodec_find_encoder(avcodec.AV_CODEC_ID_H264);
        if (byId != null && !byId.isNull()
                && codecs.stream().noneMatch(c -> c.address() == byId.address())) {
            codecs.add(byId);
        }
        return codecs;
    }

    private static void configure(AVCodecContext context, int width, int height, int fps, int gopFrames,
                                  int bitrate) {
        context.width(width);
        context.height(height);
        context.pix_fmt(AV_PIX_FMT_YUV420P);
        context.time_base(av_make_q(1, TIME_BASE_HZ));
        context.framerate(av_make_q(fps, 1));
        context.gop_size(gopFrames);
        context.max_b_frames(0);
        context.bit_rate(bitrate);
        context.thread_count(1);
    }

    /** The libavcodec encoder's name, e.g. {@code libopenh264}. */
    public String name() {
        return name;
    }

    /**
     * Encodes {@code frame} (8-bit 4:2:0 at the opened size) with presentation time {@code pts90k}.
     * Every keyframe gets the SPS and PPS in front.
     *
     * @param keyframe whether to force an IDR picture
     * @return the access unit in {@code allocator}'s memory, owned by the caller, or null when the
     *         encoder buffered the frame without output yet
     * @throws IllegalStateException when libavcodec reports an error
     */
    public AccessUnit encode(AVFrame frame, long pts90k, boolean keyframe, ByteBufAllocator allocator) {
        frame.pts(pts90k);
        frame.pict_type(keyframe ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        FfmpegErrors.check(avcodec_send_frame(context, frame), "avcodec_send_frame");
        int received = avcodec_receive_packet(context, packet);
        if (received == AVERROR_EAGAIN()) {
            return null;
        }
        FfmpegErrors.check(received, "avcodec_receive_packet");
        try {
            return toAccessUnit(pts90k, allocator);
        } finally {
            av_packet_unref(packet);
        }
    }

    private AccessUnit toAccessUnit(long fallbackPts, ByteBufAllocator allocator) {
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

    /** Hands parameter sets the encoder put into extradata (if any, Annex B) to the injector. */
    private void observeExtradata() {
        int size = context.extradata_size();
        if (size > 4 && context.extradata() != null && !context.extradata().isNull()) {
            ByteBuf extradata = Unpooled.wrappedBuffer(
                    context.extradata().position(0).limit(size).capacity(size).asByteBuffer());
            try {
                parameterSets.observe(extradata);
            } finally {
                extradata.release();
            }
        }
    }

    /** Frees the encoder and its packet; later calls do nothing. */
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
    }
}
