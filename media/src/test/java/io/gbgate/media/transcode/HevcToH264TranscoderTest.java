package io.gbgate.media.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.codec.DecodedVideo;
import io.gbgate.media.codec.VideoParameters;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.hub.StreamSink;
import io.gbgate.media.source.H265ElementaryStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class HevcToH264TranscoderTest {
    private static final Logger log = LoggerFactory.getLogger(HevcToH264TranscoderTest.class);
    private static final long FRAME_90K = 3600;

    @BeforeAll
    static void paranoidLeakDetection() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    @Test
    void h265InComesOutAsDecodableH264WithTheSourceTimestampsAndAudioInOrder(@TempDir Path dir) throws Exception {
        H265ElementaryStream clip = HevcClip.generate(dir, 320, 240, 4);
        int pictures = clip.pictures().size();
        assertThat(pictures).isEqualTo(100);
        StreamHub source = new StreamHub("cam");
        Collector collected = new Collector();
        try (TranscoderPool pool = new TranscoderPool(1)) {
            HevcToH264Transcoder transcoder = new HevcToH264Transcoder(source, pool, TranscodeSettings.defaults(),
                    PooledByteBufAllocator.DEFAULT).start();
            transcoder.output().addSink(collected);
            publish(source, clip, 0, pictures, transcoder, true, true);
            awaitEncoded(transcoder, pictures);
            TranscoderStats stats = transcoder.stats();
            log.info("320x240: {}", stats);
            assertThat(stats.droppedVideo()).isZero();
            assertThat(stats.errors()).isZero();
            assertThat(stats.framesDecoded()).isEqualTo(pictures);
            assertThat(stats.width()).isEqualTo(320);
            assertThat(stats.encoder()).isNotBlank();
            transcoder.stop("test done");
            assertThat(transcoder.terminated().get(10, TimeUnit.SECONDS)).isEqualTo("test done");
            assertThat(transcoder.output().isClosed()).isTrue();
            assertThat(source.sinkCount()).isZero();
        }
        List<Long> videoPts = collected.pts(Codec.H264);
        assertThat(videoPts).hasSize(pictures);
        for (int i = 0; i < pictures; i++) {
            assertThat(videoPts.get(i)).as("pts of picture %d", i).isEqualTo(i * FRAME_90K);
        }
        assertThat(collected.keyframePts).as("keyframes where the source has them")
                .containsExactly(0L, 25 * FRAME_90K, 50 * FRAME_90K, 75 * FRAME_90K);
        assertThat(collected.pts(Codec.G711A)).as("audio passes untouched")
                .containsExactlyElementsOf(LongStream.range(0, pictures).map(i -> i * FRAME_90K + 1).boxed().toList());
        assertThat(collected.audioAfterItsPicture()).as("audio stays behind the picture it followed").isTrue();
        VideoParameters parameters = collected.firstKeyframeParameters;
        assertThat(parameters.codec()).isEqualTo(Codec.H264);
        assertThat(parameters.width()).isEqualTo(320);
        assertThat(parameters.height()).isEqualTo(240);
        DecodedVideo decoded = DecodedVideo.of(collected.annexB.toByteArray(), "h264");
        assertThat(decoded.pictures()).as("decoded H.264 pictures").isGreaterThanOrEqualTo(pictures - 2);
        assertThat(decoded.width()).isEqualTo(320);
        assertThat(decoded.height()).isEqualTo(240);
    }

    @Test
    void aFullQueueDropsVideoUpToTheNextKeyframeAndCountsIt(@TempDir Path dir) throws Exception {
        H265ElementaryStream clip = HevcClip.generate(dir, 320, 240, 4);
        StreamHub source = new StreamHub("cam");
        ManualExecutor worker = new ManualExecutor();
        Collector collected = new Collector();
        TranscodeSettings settings = new TranscodeSettings(10, 900_000, 0.1, 200_000, 25);
        HevcToH264Transcoder transcoder = new HevcToH264Transcoder(source, worker, settings,
                PooledByteBufAllocator.DEFAULT).start();
        transcoder.output().addSink(collected);
        publish(source, clip, 0, 30, transcoder, false, false); // 0..9 queued, 10..29 dropped (25 found no room)
        assertThat(transcoder.stats().queued()).isEqualTo(10);
        assertThat(transcoder.stats().droppedVideo()).isEqualTo(20);
        worker.runAll();
        publish(source, clip, 30, 60, transcoder, false, false); // 30..49 dropped, 50 resumes
        worker.runAll();
        TranscoderStats stats = transcoder.stats();
        assertThat(stats.droppedVideo()).isEqualTo(40);
        assertThat(stats.framesEncoded()).isEqualTo(20);
        assertThat(stats.errors()).isZero();
        List<Long> pts = collected.pts(Codec.H264);
        assertThat(pts.get(10)).as("resumes at the next keyframe").isEqualTo(50 * FRAME_90K);
        assertThat(collected.keyframePts).contains(0L, 50 * FRAME_90K);
        transcoder.stop("done");
        worker.runAll();
        assertThat(transcoder.terminated()).isCompleted();
        assertThat(DecodedVideo.of(collected.annexB.toByteArray(), "h264").pictures()).isGreaterThanOrEqualTo(19);
    }

    @Test
    void startingAndStoppingRepeatedlyFreesTheNativeMemory(@TempDir Path dir) throws Exception {
        H265ElementaryStream clip = HevcClip.generate(dir, 320, 240, 1);
        try (TranscoderPool pool = new TranscoderPool(1)) {
            cycle(clip, pool, 5); // warm-up: FFmpeg's one-time tables
            long javacppBytes = Pointer.totalBytes();
            long rss = Pointer.physicalBytes();
            cycle(clip, pool, 40);
            long javacppGrowth = Pointer.totalBytes() - javacppBytes;
            long rssGrowth = Pointer.physicalBytes() - rss;
            log.info("40 start/stop cycles: JavaCPP-allocated bytes {} -> {}, RSS growth {} KiB", javacppBytes,
                    Pointer.totalBytes(), rssGrowth / 1024);
            // the input buffer alone is 256 KiB per transcoder; small by-value structs (AVRational) wait for the GC
            assertThat(javacppGrowth).as("JavaCPP-allocated native bytes after 40 cycles").isLessThan(64 * 1024);
            // one leaked decoder + encoder at 320x240 is several MiB: 40 of them would show
            assertThat(rssGrowth).as("resident memory growth over 40 cycles").isLessThan(48L << 20);
        }
    }

    private static void cycle(H265ElementaryStream clip, TranscoderPool pool, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            StreamHub source = new StreamHub("cam-" + i);
            HevcToH264Transcoder transcoder = new HevcToH264Transcoder(source, pool, TranscodeSettings.defaults(),
                    PooledByteBufAllocator.DEFAULT).start();
            publish(source, clip, 0, 10, transcoder, true, true);
            awaitEncoded(transcoder, 10);
            source.close("cycle " + i); // the source ending stops the transcoder
            transcoder.terminated().get(10, TimeUnit.SECONDS);
        }
    }

    /** Publishes pictures [from, to) with pts {@code index * 3600}, an audio unit after each if {@code audio}. */
    private static void publish(StreamHub source, H265ElementaryStream clip, int from, int to,
                                HevcToH264Transcoder transcoder, boolean paced, boolean audio)
            throws InterruptedException {
        ByteBuf whole = Unpooled.wrappedBuffer(clip.bytes());
        for (int i = from; i < to; i++) {
            while (paced && transcoder.stats().queued() > 20) {
                Thread.sleep(2);
            }
            H265ElementaryStream.Picture picture = clip.pictures().get(i % clip.pictures().size());
            long pts = i * FRAME_90K;
            AccessUnit unit = new AccessUnit(Codec.H265, pts, pts, picture.keyframe(),
                    whole.retainedSlice(picture.offset(), picture.length()));
            source.publish(unit);
            unit.release();
            if (audio) {
                AccessUnit g711 = new AccessUnit(Codec.G711A, pts + 1, pts + 1, false,
                        Unpooled.buffer(160).writeZero(160));
                source.publish(g711);
                g711.release();
            }
        }
        whole.release();
    }

    private static void awaitEncoded(HevcToH264Transcoder transcoder, long frames) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (transcoder.stats().framesEncoded() < frames && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(transcoder.stats().framesEncoded()).as("H.264 frames published").isEqualTo(frames);
    }

    /** Keeps what the output hub delivers: Annex B bytes, timestamps, keyframes. */
    static final class Collector implements StreamSink {
        final ByteArrayOutputStream annexB = new ByteArrayOutputStream();
        final List<AccessUnit> meta = new ArrayList<>();
        final List<Long> keyframePts = new ArrayList<>();
        VideoParameters firstKeyframeParameters;

        @Override
        public synchronized void onAccessUnit(AccessUnit unit) {
            meta.add(new AccessUnit(unit.codec(), unit.pts(), unit.dts(), unit.keyframe(), Unpooled.EMPTY_BUFFER));
            if (unit.codec() == Codec.H264) {
                byte[] bytes = new byte[unit.size()];
                unit.data().getBytes(unit.data().readerIndex(), bytes);
                annexB.writeBytes(bytes);
                if (unit.keyframe()) {
                    keyframePts.add(unit.pts());
                    if (firstKeyframeParameters == null) {
                        firstKeyframeParameters = VideoParameters.fromAccessUnit(unit);
                    }
                }
            }
        }

        synchronized List<Long> pts(Codec codec) {
            return meta.stream().filter(u -> u.codec() == codec).map(AccessUnit::pts).toList();
        }

        /** Each audio unit (pts of its picture + 1) comes right after its picture. */
        synchronized boolean audioAfterItsPicture() {
            for (int i = 0; i < meta.size(); i++) {
                AccessUnit unit = meta.get(i);
                if (unit.codec() == Codec.G711A && (i == 0 || meta.get(i - 1).pts() != unit.pts() - 1)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Runs queued tasks only when told: a worker that has fallen behind. */
    static final class ManualExecutor implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (true) {
                Runnable task;
                synchronized (this) {
                    task = tasks.poll();
                }
                if (task == null) {
                    return;
                }
                task.run();
            }
        }
    }
}
