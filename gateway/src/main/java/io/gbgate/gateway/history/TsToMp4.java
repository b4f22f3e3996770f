package io.gbgate.gateway.history;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Remuxes one MPEG-TS file into MP4 without re-encoding (packet copy), timestamps starting at 0, with the index
 * in front ({@code movflags=+faststart}).
 */
final class TsToMp4 {
    private static final long TICKS_PER_MILLI = 90;

    private TsToMp4() {
    }

    /** Copies {@code ts} into {@code mp4}; returns the media duration in milliseconds. */
    static long remux(Path ts, Path mp4) throws FrameGrabber.Exception, FrameRecorder.Exception {
        try (FFmpegFrameGrabber input = new FFmpegFrameGrabber(ts.toFile())) {
            input.setFormat("mpegts");
            input.start();
            AVFormatContext layout = input.getFormatContext();
            for (int i = 0; i < layout.nb_streams(); i++) {
                layout.streams(i).codecpar().codec_tag(0); // let the MP4 muxer choose avc1 / hev1
            }
            try (FFmpegFrameRecorder output = new FFmpegFrameRecorder(mp4.toFile(), input.getImageWidth(),
                    input.getImageHeight(), 0)) {
                output.setFormat("mp4");
                output.setOption("movflags", "+faststart");
                output.start(layout);
                long base = AV_NOPTS_VALUE;
                long last = 0;
                long frameTicks = 3_600;
                AVPacket packet;
                while ((packet = input.grabPacket()) != null) {
                    long dts = packet.dts() != AV_NOPTS_VALUE ? packet.dts() : packet.pts();
                    if (dts == AV_NOPTS_VALUE
                            || layout.streams(packet.stream_index()).codecpar().codec_type() != AVMEDIA_TYPE_VIDEO) {
                        continue;
                    }
                    if (base == AV_NOPTS_VALUE) {
                        base = dts;
                    }
                    if (dts - base > last) {
                        frameTicks = dts - base - last;
                    }
                    last = Math.max(last, dts - base);
                    long pts = packet.pts() == AV_NOPTS_VALUE ? dts : packet.pts();
                    packet.dts(dts - base);
                    packet.pts(pts - base);
                    output.recordPacket(packet);
                }
                output.stop();
                return base == AV_NOPTS_VALUE ? 0 : (last + frameTicks) / TICKS_PER_MILLI;
            }
        }
    }
}
