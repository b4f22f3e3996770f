package io.gbgate.media.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.Codec;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.ts.TsInspector.Packet;
import io.gbgate.media.ts.TsInspector.Pes;
import io.gbgate.media.ts.TsInspector;
import io.gbgate.media.ts.TsMuxer;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad and unusual input: missing keyframes, timestamp jumps and wraps, audio HLS cannot carry. */
@ExtendWith(NettyLeakGuard.class)
class HlsSegmenterTest {
    private static final long WRAP = 1L << 33;
    private final HlsSegmenter segmenter = new HlsSegmenter(HlsSettings.defaults(), PooledByteBufAllocator.DEFAULT);
    private final SyntheticStream stream = new SyntheticStream(PooledByteBufAllocator.DEFAULT, segmenter);

    @AfterEach
    void closeSegmenter() {
        segmenter.close();
    }

    @Test
    void unitsBeforeTheFirstKeyframeAreSkipped() {
        for (int i = 0; i < 10; i++) {
            stream.video(false, i * 3600L);
        }
        stream.audio(Codec.AAC, 0);
        stream.frames(51, 36_000, 25);

        assertThat(segmenter.stats().unitsSkippedWaitingForKeyframe()).isEqualTo(11);
        List<Pes> pes = videoPes(segmenter.segment(0).orElseThrow());
        assertThat(pes).hasSize(50);
        assertThat(pes.get(0).randomAccess()).isTrue();
        assertThat(segmenter.segment(0).orElseThrow().durationSeconds()).isEqualTo(2.0);
    }

    @Test
    void backwardTimestampJumpNeverGivesNegativeDurations() {
        stream.frames(80, 900_000, 25);
        stream.frames(120, 0, 25); // the camera restarted its clock, mid-GOP
        segmenter.onStreamClosed("done");

        MediaPlaylist playlist = MediaPlaylist.parse(segmenter.playlist(""));
        // keyframes at frames 0, 25, 50, 75, then (new clock) 80, 105, 130, ...: cuts at 50, 105, 155, close at 200
        assertThat(playlist.entries()).extracting(MediaPlaylist.Entry::duration).containsExactly(2.0, 2.2, 2.0, 1.8);
        assertThat(segmenter.stats().timestampDiscontinuities()).isEqualTo(1);
        assertDtsStrictlyIncreasing();
    }

    @Test
    void forwardJumpIsSmoothedOver() {
        stream.frames(60, 0, 25);
        stream.frames(40, 90_000L * 3600, 25); // an hour later
        assertThat(segmenter.stats().timestampDiscontinuities()).isEqualTo(1);
        MediaPlaylist playlist = MediaPlaylist.parse(segmenter.playlist(""));
        assertThat(playlist.entries()).extracting(MediaPlaylist.Entry::duration).containsExactly(2.0);
        assertThat(segmenter.segment(0).orElseThrow().durationSeconds()).isEqualTo(2.0);
    }

    @Test
    void wrapOf33BitTimestampsIsNotADiscontinuity() {
        stream.frames(200, WRAP - 60 * 3600, 25);
        segmenter.onStreamClosed("done");
        assertThat(segmenter.stats().timestampDiscontinuities()).isZero();
        assertThat(MediaPlaylist.parse(segmenter.playlist("")).entries())
                .extracting(MediaPlaylist.Entry::duration).containsExactly(2.0, 2.0, 2.0, 2.0);
        assertDtsStrictlyIncreasing();
    }

    @Test
    void unsupportedAudioIsCountedAndLeftOut() {
        for (int i = 0; i < 60; i++) {
            stream.video(i % 25 == 0, i * 3600L);
            stream.audio(Codec.G711A, i * 3600L);
            stream.audio(Codec.G711U, i * 3600L);
        }
        HlsStats stats = segmenter.stats();
        assertThat(stats.unsupportedAudioUnits()).isEqualTo(120);
        assertThat(stats.segmentsCompleted()).isEqualTo(1);
        List<Packet> packets = packets(segmenter.segment(0).orElseThrow());
        assertThat(packets).extracting(Packet::pid).containsOnly(0, 0x1000, TsMuxer.VIDEO_PID);
        assertThat(TsInspector.section(packets.get(1))).as("video-only PMT").hasSize(12 + 5 + 4);
    }

    @Test
    void aacThatStartsDuringTheFirstSegmentGetsItsTrackFromTheStart() {
        for (int i = 0; i < 110; i++) {
            stream.video(i % 25 == 0, i * 3600L);
            stream.audio(Codec.AAC, i * 3600L + 100); // the first AAC comes just after the first keyframe
        }
        assertThat(segmenter.stats().audioUnitsDropped()).isZero();
        List<Packet> first = packets(segmenter.segment(0).orElseThrow());
        assertThat(TsInspector.section(first.get(1))[17] & 0xFF).as("AAC stream_type in the first PMT")
                .isEqualTo(0x0F);
        List<Pes> video = TsInspector.pes(first, TsMuxer.VIDEO_PID);
        List<Pes> audio = TsInspector.pes(first, TsMuxer.AUDIO_PID);
        assertThat(video).hasSize(50);
        assertThat(video.get(0).randomAccess()).isTrue();
        assertThat(audio).hasSize(50);
        assertThat(audio.get(0).pts() - video.get(0).pts()).as("audio keeps its offset to video").isEqualTo(100);
    }

    @Test
    void aacThatStartsLaterJoinsAtTheNextSegment() {
        for (int i = 0; i < 160; i++) {
            stream.video(i % 25 == 0, i * 3600L);
            if (i >= 60) {
                stream.audio(Codec.AAC, i * 3600L + 100);
            }
        }
        HlsStats stats = segmenter.stats();
        assertThat(stats.audioUnitsDropped()).as("AAC while the second segment had no audio track").isEqualTo(40);
        assertThat(packets(segmenter.segment(1).orElseThrow())).extracting(Packet::pid)
                .doesNotContain(TsMuxer.AUDIO_PID);

        List<Packet> third = packets(segmenter.segment(2).orElseThrow());
        byte[] pmt = TsInspector.section(third.get(1));
        assertThat(pmt[17] & 0xFF).as("AAC stream_type").isEqualTo(0x0F);
        List<Pes> audio = TsInspector.pes(third, TsMuxer.AUDIO_PID);
        List<Pes> video = TsInspector.pes(third, TsMuxer.VIDEO_PID);
        assertThat(audio).hasSize(50);
        assertThat(audio.get(0).pts() - video.get(0).pts()).as("audio keeps its offset to video").isEqualTo(100);
    }

    @Test
    void closingBeforeTheFirstSegmentFailsTheFuture() {
        CompletableFuture<Void> first = segmenter.firstSegment();
        for (int i = 0; i < 30; i++) {
            stream.video(false, i * 3600L); // no keyframe ever arrives
        }
        segmenter.onStreamClosed("camera offline");

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(HlsStreamClosedException.class).hasMessageContaining("camera offline");
        assertThat(segmenter.closeReason()).isEqualTo("camera offline");
        MediaPlaylist playlist = MediaPlaylist.parse(segmenter.playlist(""));
        assertThat(playlist.entries()).isEmpty();
        assertThat(playlist.ended()).isTrue();
        assertThat(playlist.targetDuration()).isEqualTo(2);
    }

    @Test
    void closingPublishesTheOpenSegmentAndIgnoresLaterUnits() throws Exception {
        CompletableFuture<Void> first = segmenter.firstSegment();
        stream.frames(30, 0, 25);
        segmenter.onStreamClosed("camera offline");
        first.get(10, TimeUnit.SECONDS);
        assertThat(segmenter.segment(0).orElseThrow().durationSeconds()).isEqualTo(1.2);

        stream.frames(60, 108_000, 25);
        segmenter.onStreamClosed("again");
        assertThat(segmenter.stats().segmentsCompleted()).isEqualTo(1);
        assertThat(segmenter.closeReason()).isEqualTo("camera offline");
    }

    @Test
    void oversizedSegmentIsDiscardedUntilTheNextKeyframe() {
        HlsSettings small = new HlsSettings(HlsSettings.DEFAULT_TARGET_DURATION, 6, 64 * 1024);
        try (HlsSegmenter bounded = new HlsSegmenter(small, PooledByteBufAllocator.DEFAULT)) {
            SyntheticStream big = new SyntheticStream(PooledByteBufAllocator.DEFAULT, bounded);
            for (int i = 0; i < 10; i++) {
                big.video(i == 0, i * 3600L, 10_000); // one keyframe, then a GOP that never ends
            }
            assertThat(bounded.stats().segmentsDiscarded()).isEqualTo(1);
            assertThat(bounded.stats().unitsSkippedWaitingForKeyframe()).isEqualTo(3);
            for (int i = 10; i < 70; i++) {
                big.video(i % 10 == 0, i * 3600L, 500);
            }
            assertThat(bounded.segment(0)).hasValueSatisfying(s -> {
                assertThat(s.durationSeconds()).isEqualTo(2.0);
                assertThat(videoPes(s).get(0).randomAccess()).isTrue();
            });
        }
    }

    @Test
    void malformedKeyframeDoesNotOpenASegment() {
        stream.offer(new io.gbgate.media.AccessUnit(Codec.H264, 0, 0, true,
                PooledByteBufAllocator.DEFAULT.buffer().writeBytes(new byte[] {9, 9, 9, 9, 9, 9})));
        stream.video(false, 3600);
        stream.frames(51, 7200, 25);
        HlsStats stats = segmenter.stats();
        assertThat(stats.unitsMalformed()).isEqualTo(1);
        assertThat(stats.unitsSkippedWaitingForKeyframe()).isEqualTo(1);
        assertThat(videoPes(segmenter.segment(0).orElseThrow())).hasSize(50);
    }

    private void assertDtsStrictlyIncreasing() {
        long previous = Long.MIN_VALUE;
        for (long seq = 0; seq < segmenter.stats().segmentsCompleted(); seq++) {
            for (Pes pes : videoPes(segmenter.segment(seq).orElseThrow())) {
                long dts = pes.dts() >= 0 ? pes.dts() : pes.pts();
                assertThat(dts).isGreaterThan(previous);
                previous = dts;
            }
        }
    }

    private static List<Packet> packets(HlsSegment segment) {
        List<Packet> packets = TsInspector.packets(ByteBufUtil.getBytes(segment.data()));
        TsInspector.assertContinuity(packets);
        return packets;
    }

    private static List<Pes> videoPes(HlsSegment segment) {
        return TsInspector.pes(packets(segment), TsMuxer.VIDEO_PID);
    }
}
