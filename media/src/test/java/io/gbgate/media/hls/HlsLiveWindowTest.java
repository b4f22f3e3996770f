package io.gbgate.media.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.NettyLeakGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live window as HTTP threads see it: playlist text, segment lookup, concurrent reads. */
@ExtendWith(NettyLeakGuard.class)
class HlsLiveWindowTest {

    @Test
    void playlistTextIsExact() {
        HlsSettings settings = HlsSettings.defaults().withWindowSize(2);
        try (HlsSegmenter segmenter = new HlsSegmenter(settings, PooledByteBufAllocator.DEFAULT)) {
            SyntheticStream stream = new SyntheticStream(PooledByteBufAllocator.DEFAULT, segmenter);
            stream.frames(200, 0, 25);
            stream.frames(1, 200 * 3600 + 30, 25); // 2.0003 s: EXTINF 2.000, target duration stays 2
            assertThat(segmenter.playlist("?t=1")).isEqualTo("""
                    #EXTM3U
                    #EXT-X-VERSION:3
                    #EXT-X-TARGETDURATION:2
                    #EXT-X-MEDIA-SEQUENCE:2
                    #EXTINF:2.000,
                    segment-2.ts?t=1
                    #EXTINF:2.000,
                    segment-3.ts?t=1
                    """);
            segmenter.onStreamClosed("bye");
            assertThat(segmenter.playlist(null)).isEqualTo("""
                    #EXTM3U
                    #EXT-X-VERSION:3
                    #EXT-X-TARGETDURATION:2
                    #EXT-X-MEDIA-SEQUENCE:3
                    #EXTINF:2.000,
                    segment-3.ts
                    #EXTINF:0.040,
                    segment-4.ts
                    #EXT-X-ENDLIST
                    """);
        }
    }

    @Test
    void targetDurationIsTheCeilingOfTheLongestSegment() {
        HlsSettings settings = HlsSettings.defaults().withTargetDuration(Duration.ofSeconds(1));
        try (HlsSegmenter segmenter = new HlsSegmenter(settings, PooledByteBufAllocator.DEFAULT)) {
            SyntheticStream stream = new SyntheticStream(PooledByteBufAllocator.DEFAULT, segmenter);
            stream.frames(100, 0, 38); // keyframes at 0, 38, 76: segments of 1.52 s
            MediaPlaylist playlist = MediaPlaylist.parse(segmenter.playlist(""));
            assertThat(playlist.entries()).extracting(MediaPlaylist.Entry::duration).containsExactly(1.52, 1.52);
            assertThat(playlist.targetDuration()).isEqualTo(2);
        }
    }

    @Test
    void suffixWithALineBreakIsRefused() {
        try (HlsSegmenter segmenter = new HlsSegmenter()) {
            new SyntheticStream(PooledByteBufAllocator.DEFAULT, segmenter).frames(60, 0, 25);
            assertThatThrownBy(() -> segmenter.playlist("?t=1\n#EXT-X-ENDLIST"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        }
    }

    @Test
    void segmentDataIsAReadOnlyViewWithItsOwnIndices() {
        try (HlsSegmenter segmenter = new HlsSegmenter()) {
            new SyntheticStream(PooledByteBufAllocator.DEFAULT, segmenter).frames(60, 0, 25);
            HlsSegment segment = segmenter.segment(0).orElseThrow();
            ByteBuf a = segment.data();
            ByteBuf b = segment.data();
            a.skipBytes(188);
            assertThat(b.readerIndex()).isZero();
            assertThat(b.readableBytes()).isEqualTo(segment.size()).isEqualTo(a.readableBytes() + 188);
            assertThat(a.isReadOnly()).isTrue();
            assertThatThrownBy(() -> a.setByte(0, 1)).isInstanceOf(java.nio.ReadOnlyBufferException.class);
            assertThat(a.release()).as("unreleasable").isFalse();
            assertThat(segment.data().readableBytes()).isEqualTo(segment.size());
        }
    }

    @Test
    void fileNamesRoundTrip() {
        assertThat(HlsSegment.fileName(42)).isEqualTo("segment-42.ts");
        assertThat(HlsSegment.parseFileName("segment-42.ts")).hasValue(42);
        assertThat(HlsSegment.parseFileName("segment-.ts")).isEmpty();
        assertThat(HlsSegment.parseFileName("segment--1.ts")).isEmpty();
        assertThat(HlsSegment.parseFileName("segment-99999999999999999999.ts")).isEmpty();
        assertThat(HlsSegment.parseFileName("../segment-1.ts")).isEqualTo(OptionalLong.empty());
        assertThat(HlsSegment.parseFileName(null)).isEmpty();
    }

    @Test
    void readersSeeConsistentWindowsWhileTheIngestRuns() throws Exception {
        HlsSettings settings = HlsSettings.defaults().withTargetDuration(Duration.ofMillis(500)).withWindowSize(3);
        HlsSegmenter segmenter = new HlsSegmenter(settings, PooledByteBufAllocator.DEFAULT);
        SyntheticStream stream = new SyntheticStream(PooledByteBufAllocator.DEFAULT, segmenter);
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch readersStarted = new CountDownLatch(2);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                results.add(readers.submit(() -> {
                    readersStarted.countDown();
                    int checks = 0;
                    while (!done.get() || checks == 0) {
                        MediaPlaylist playlist = MediaPlaylist.parse(segmenter.playlist("?k"));
                        assertThat(playlist.entries().size()).isLessThanOrEqualTo(3);
                        for (int i = 0; i < playlist.entries().size(); i++) {
                            assertThat(playlist.entries().get(i).uri())
                                    .isEqualTo(HlsSegment.fileName(playlist.mediaSequence() + i) + "?k");
                        }
                        long newest = playlist.mediaSequence() + playlist.entries().size() - 1;
                        segmenter.segment(newest).ifPresent(s -> assertThat(s.data().getByte(0)).isEqualTo((byte) 0x47));
                        checks++;
                    }
                    return checks;
                }));
            }
            assertThat(readersStarted.await(10, TimeUnit.SECONDS)).isTrue();
            stream.frames(1000, 0, 5); // GOP 0.2 s, target 0.5 s: cuts every 15 frames, 66 + 1 at close
            segmenter.onStreamClosed("end");
            done.set(true);
            for (Future<Integer> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isPositive();
            }
            assertThat(segmenter.stats().segmentsCompleted()).isEqualTo(67);
            assertThat(MediaPlaylist.parse(segmenter.playlist("")).mediaSequence()).isEqualTo(64);
        } finally {
            done.set(true);
            readers.shutdownNow();
            assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
