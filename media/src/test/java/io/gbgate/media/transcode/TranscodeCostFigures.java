package io.gbgate.media.transcode;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.source.H265ElementaryStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints what transcoding costs at three picture sizes: decode plus encode time per frame on one
 * worker thread, and the latency a unit sees at a real-time 25 fps pace. Figures only, no assertion on them.
 */
class TranscodeCostFigures {
    private static final Logger log = LoggerFactory.getLogger(TranscodeCostFigures.class);

    @Test
    void printsMillisecondsPerFrameAndAddedLatency(@TempDir Path dir) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        int[][] sizes = {{320, 240}, {704, 576}, {1920, 1080}};
        StringBuilder figures = new StringBuilder("\ntranscode H.265 -> H.264 (1 worker thread, 25 fps paced, 4 s):\n");
        for (int[] size : sizes) {
            H265ElementaryStream clip = HevcClip.generate(dir, size[0], size[1], 4);
            TranscoderStats stats = run(clip);
            figures.append(String.format("  %4dx%-4d  %6.2f ms/frame decode+encode   latency mean %6.1f ms, max %6.1f ms"
                            + "   frames %d/%d, dropped %d%n", size[0], size[1], stats.meanWorkMillis(),
                    stats.meanLatencyMillis(), stats.maxLatencyMillis(), stats.framesEncoded(),
                    clip.pictures().size(), stats.droppedVideo()));
        }
        log.info(figures.toString());
    }

    private static TranscoderStats run(H265ElementaryStream clip) throws Exception {
        StreamHub source = new StreamHub("figures");
        ByteBuf whole = Unpooled.wrappedBuffer(clip.bytes());
        try (TranscoderPool pool = new TranscoderPool(1)) {
            HevcToH264Transcoder transcoder = new HevcToH264Transcoder(source, pool, TranscodeSettings.defaults(),
                    PooledByteBufAllocator.DEFAULT).start();
            long start = System.nanoTime();
            for (int i = 0; i < clip.pictures().size(); i++) {
                long due = start + TimeUnit.MILLISECONDS.toNanos(40L * i);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                H265ElementaryStream.Picture picture = clip.pictures().get(i);
                AccessUnit unit = new AccessUnit(Codec.H265, i * 3600L, i * 3600L, picture.keyframe(),
                        whole.retainedSlice(picture.offset(), picture.length()));
                source.publish(unit);
                unit.release();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (transcoder.stats().queued() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
            TranscoderStats stats = transcoder.stats();
            transcoder.stop("figures done");
            transcoder.terminated().get(10, TimeUnit.SECONDS);
            return stats;
        } finally {
            whole.release();
        }
    }
}
