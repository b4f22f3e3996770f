package io.gbgate.media.llhls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.fmp4.SyntheticHevc;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The LL-HLS and fMP4 playlists over real H.264 (25 fps, one keyframe per second), tag by tag. */
@ExtendWith(NettyLeakGuard.class)
class LlHlsPlaylistTest {
    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    private static final String TOKEN = "?token=t";

    private static LlHlsOutput output(Duration partTarget, Duration segmentTarget, SteppingClock clock) {
        return new LlHlsOutput(new LlHlsSettings(partTarget, segmentTarget, 6), PooledByteBufAllocator.DEFAULT,
                clock, Runnable::run);
    }

    @Test
    void lowLatencyPlaylistHasServerControlPartsAndPreloadHint() {
        SteppingClock clock = new SteppingClock(START);
        try (LlHlsOutput out = output(Duration.ofMillis(200), Duration.ofSeconds(1), clock);
                PatternFeed feed = new PatternFeed(out, clock)) {
            feed.frames(58); // two 1 s segments, then 8 frames: one 5-frame part; 2 complete samples wait
            assertThat(out.playlist(PlaylistKind.LOW_LATENCY, TOKEN)).isEqualTo(String.join("\n",
                    "#EXTM3U",
                    "#EXT-X-VERSION:9",
                    "#EXT-X-TARGETDURATION:1",
                    "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0.600",
                    "#EXT-X-PART-INF:PART-TARGET=0.200",
                    "#EXT-X-MEDIA-SEQUENCE:0",
                    "#EXT-X-INDEPENDENT-SEGMENTS",
                    "#EXT-X-MAP:URI=\"init0.mp4?token=t\"",
                    "#EXT-X-PROGRAM-DATE-TIME:2025-03-01T08:00:00.000Z",
                    parts(0, 5),
                    "#EXTINF:1.00000,",
                    "seg0.m4s?token=t",
                    "#EXT-X-PROGRAM-DATE-TIME:2025-03-01T08:00:01.000Z",
                    parts(1, 5),
                    "#EXTINF:1.00000,",
                    "seg1.m4s?token=t",
                    "#EXT-X-PROGRAM-DATE-TIME:2025-03-01T08:00:02.000Z",
                    parts(2, 1),
                    "#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"part2.1.m4s?token=t\"",
                    ""));
            assertThat(out.latestPart()).contains(new PartPosition(2, 0));
            assertThat(out.nextPart()).isEqualTo(new PartPosition(2, 1));
        }
    }

    @Test
    void fmp4PlaylistListsCompleteSegmentsOnlyAndEndsWithTheStream() {
        SteppingClock clock = new SteppingClock(START);
        try (LlHlsOutput out = output(Duration.ofMillis(200), Duration.ofSeconds(1), clock);
                PatternFeed feed = new PatternFeed(out, clock)) {
            feed.frames(58);
            String header = String.join("\n",
                    "#EXTM3U",
                    "#EXT-X-VERSION:6",
                    "#EXT-X-TARGETDURATION:1",
                    "#EXT-X-MEDIA-SEQUENCE:0",
                    "#EXT-X-INDEPENDENT-SEGMENTS",
                    "#EXT-X-MAP:URI=\"init0.mp4\"",
                    "#EXT-X-PROGRAM-DATE-TIME:2025-03-01T08:00:00.000Z",
                    "#EXTINF:1.00000,",
                    "seg0.m4s",
                    "#EXT-X-PROGRAM-DATE-TIME:2025-03-01T08:00:01.000Z",
                    "#EXTINF:1.00000,",
                    "seg1.m4s",
                    "");
            assertThat(out.playlist(PlaylistKind.FMP4, null)).isEqualTo(header);

            out.onStreamClosed("camera gone");
            // the 8 queued frames become the last (0.32 s) segment; no hint after the end
            assertThat(out.playlist(PlaylistKind.FMP4, null)).isEqualTo(header + String.join("\n",
                    "#EXT-X-PROGRAM-DATE-TIME:2025-03-01T08:00:02.000Z",
                    "#EXTINF:0.32000,",
                    "seg2.m4s",
                    "#EXT-X-ENDLIST",
                    ""));
            assertThat(out.playlist(PlaylistKind.LOW_LATENCY, null)).endsWith(String.join("\n",
                    "#EXT-X-PART:DURATION=0.20000,URI=\"part2.0.m4s\",INDEPENDENT=YES",
                    "#EXT-X-PART:DURATION=0.12000,URI=\"part2.1.m4s\"",
                    "#EXTINF:0.32000,",
                    "seg2.m4s",
                    "#EXT-X-ENDLIST",
                    "")).doesNotContain("PRELOAD-HINT");
            assertThat(out.closeReason()).isEqualTo("camera gone");
        }
    }

    @Test
    void programDateTimeOfAReplayedGopIsTheTimeItWasLive() {
        SteppingClock clock = new SteppingClock(START);
        try (LlHlsOutput out = output(Duration.ofMillis(200), Duration.ofSeconds(1), clock);
                PatternFeed feed = new PatternFeed(out, clock)) {
            feed.replay(20); // the cached GOP, all at 08:00:00: frame 19 (0.76 s) is the live one
            clock.advanceMillis(40);
            feed.frames(36);
            assertThat(out.playlist(PlaylistKind.FMP4, "")).contains(String.join("\n",
                    "#EXT-X-PROGRAM-DATE-TIME:2025-03-01T07:59:59.240Z",
                    "#EXTINF:1.00000,",
                    "seg0.m4s",
                    "#EXT-X-PROGRAM-DATE-TIME:2025-03-01T08:00:00.240Z",
                    "#EXTINF:1.00000,",
                    "seg1.m4s"));
        }
    }

    @Test
    void partsStayWithinTheTargetAndOnlyKeyframePartsAreIndependent() {
        SteppingClock clock = new SteppingClock(START);
        try (LlHlsOutput out = output(Duration.ofMillis(300), Duration.ofSeconds(2), clock);
                PatternFeed feed = new PatternFeed(out, clock)) {
            feed.frames(160);
            String playlist = out.playlist(PlaylistKind.LOW_LATENCY, "");
            // 300 ms parts of 25 fps: 7 frames (0.28 s) each, and what is left before a keyframe (4 frames)
            List<String> partDurations = playlist.lines().filter(l -> l.startsWith("#EXT-X-PART:"))
                    .map(l -> l.substring("#EXT-X-PART:DURATION=".length(), l.indexOf(','))).toList();
            assertThat(partDurations).isNotEmpty().allMatch(d -> d.equals("0.28000") || d.equals("0.16000"));
            assertThat(playlist).contains("#EXT-X-PART-INF:PART-TARGET=0.300",
                    "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0.900",
                    "#EXT-X-TARGETDURATION:2");
            assertThat(out.segment(0).orElseThrow().durationTicks()).isEqualTo(2 * 90_000L); // keyframe after 2 s
            LlHlsSegment first = out.segment(1).orElseThrow(); // segment 0 started 6.3 s ago: its parts are unlisted
            assertThat(first.parts()).hasSize(8); // per GOP: 3 x 7 frames + 4 frames
            for (LlHlsPart part : first.parts()) {
                int frameIndex = (int) (first.parts().stream().takeWhile(p -> p != part)
                        .mapToLong(LlHlsPart::durationTicks).sum() / 3600);
                assertThat(part.independent()).as("part %s starts at frame %d", part.position(), frameIndex)
                        .isEqualTo(frameIndex % 25 == 0);
                assertThat(playlist.contains(part.fileName() + "\",INDEPENDENT=YES")).isEqualTo(part.independent());
            }
            assertThat(first.data().readableBytes())
                    .isEqualTo(first.parts().stream().mapToInt(LlHlsPart::size).sum());
        }
    }

    @Test
    void segmentsStayBoundedWhenKeyframesStop() {
        SteppingClock clock = new SteppingClock(START);
        try (LlHlsOutput out = output(Duration.ofMillis(200), Duration.ofSeconds(1), clock);
                PatternFeed feed = new PatternFeed(out, clock)) {
            feed.frames(25);
            feed.framesWithoutKeyframes(250); // 10 s without a keyframe
            long limit = LlHlsPackager.MAX_SEGMENT_TARGETS * 90_000L + 200 * 90; // 3 targets, plus the part that crossed it
            List<LlHlsSegment> completed = IntStream.range(0, 6).mapToObj(out::segment)
                    .flatMap(java.util.Optional::stream).toList();
            assertThat(completed).as("segments completed although no keyframe came").hasSizeGreaterThanOrEqualTo(3);
            assertThat(completed).allSatisfy(segment -> assertThat(segment.durationTicks()).isLessThanOrEqualTo(limit));
            assertThat(completed.subList(1, completed.size())).as("cut without a keyframe: not independent")
                    .allSatisfy(segment -> assertThat(segment.parts().get(0).independent()).isFalse());
            assertThat(out.playlist(PlaylistKind.LOW_LATENCY, "")).contains("#EXT-X-TARGETDURATION:3");
        }
    }

    @Test
    void partsOfOldSegmentsLeaveThePlaylistAndOldSegmentsTheWindow() {
        SteppingClock clock = new SteppingClock(START);
        try (LlHlsOutput out = new LlHlsOutput(new LlHlsSettings(Duration.ofMillis(200), Duration.ofSeconds(1), 3),
                PooledByteBufAllocator.DEFAULT, clock, Runnable::run);
                PatternFeed feed = new PatternFeed(out, clock)) {
            feed.frames(6 * 25 + 6); // segments 0..5 complete, part 6.0 published
            String playlist = out.playlist(PlaylistKind.LOW_LATENCY, "");
            assertThat(playlist).contains("#EXT-X-MEDIA-SEQUENCE:3\n", "seg3.m4s", "seg5.m4s", "part6.0.m4s")
                    .doesNotContain("seg2.m4s", "part3.0.m4s"); // parts: segments starting in the last 3 s
            assertThat(playlist).contains("part4.0.m4s", "part5.0.m4s");
            assertThat(out.segment(2)).isEmpty();
            assertThat(out.part(new PartPosition(3, 4))).isPresent();
            assertThat(out.init(0)).isPresent();
        }
    }

    @Test
    void aCodecChangeStartsASegmentWithANewInitSectionAfterADiscontinuity() {
        SteppingClock clock = new SteppingClock(START);
        try (LlHlsOutput out = new LlHlsOutput(new LlHlsSettings(Duration.ofMillis(200), Duration.ofSeconds(1), 2),
                PooledByteBufAllocator.DEFAULT, clock, Runnable::run);
                PatternFeed feed = new PatternFeed(out, clock)) {
            feed.frames(30); // H.264: segment 0 complete, frames 25..29 open
            for (int i = 30; i < 56; i++) { // the camera switches to H.265
                AccessUnit unit = i % 25 == 5 ? SyntheticHevc.keyframe(i * 3600L) : SyntheticHevc.interFrame(i * 3600L);
                try {
                    out.onAccessUnit(unit);
                } finally {
                    unit.release();
                }
                clock.advanceMillis(40);
            }
            assertThat(out.segment(1).orElseThrow().durationSeconds()).isEqualTo(0.2); // cut at the change
            assertThat(out.segment(2).orElseThrow().initId()).isEqualTo(1);
            assertThat(out.init(1)).isPresent();
            String playlist = out.playlist(PlaylistKind.FMP4, "");
            assertThat(playlist).contains(String.join("\n",
                    "seg1.m4s",
                    "#EXT-X-DISCONTINUITY",
                    "#EXT-X-MAP:URI=\"init1.mp4\"",
                    "#EXT-X-PROGRAM-DATE-TIME:2025-03-01T08:00:01.200Z",
                    "#EXTINF:1.00000,",
                    "seg2.m4s")).doesNotContain("DISCONTINUITY-SEQUENCE");

            for (int i = 56; i < 106; i++) { // segments 0 and 1 leave the two-segment window
                AccessUnit unit = i % 25 == 5 ? SyntheticHevc.keyframe(i * 3600L) : SyntheticHevc.interFrame(i * 3600L);
                try {
                    out.onAccessUnit(unit);
                } finally {
                    unit.release();
                }
            }
            assertThat(out.playlist(PlaylistKind.LOW_LATENCY, "")).contains("#EXT-X-DISCONTINUITY-SEQUENCE:1\n")
                    .doesNotContain("init0.mp4", "#EXT-X-DISCONTINUITY\n");
            assertThat(out.init(0)).as("no longer referenced").isEmpty();
        }
    }

    @Test
    void urisWithQuotesOrLineBreaksAreRefused() {
        SteppingClock clock = new SteppingClock(START);
        try (LlHlsOutput out = output(Duration.ofMillis(200), Duration.ofSeconds(1), clock);
                PatternFeed feed = new PatternFeed(out, clock)) {
            feed.frames(30);
            assertThatThrownBy(() -> out.playlist(PlaylistKind.LOW_LATENCY, "?t=\"x"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> out.playlist(PlaylistKind.FMP4, "?t=\nx"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The EXT-X-PART lines of {@code count} 0.2 s parts of segment {@code msn}, the first independent. */
    private static String parts(long msn, int count) {
        return String.join("\n", IntStream.range(0, count).mapToObj(i -> "#EXT-X-PART:DURATION=0.20000,URI=\"part"
                + msn + "." + i + ".m4s?token=t\"" + (i == 0 ? ",INDEPENDENT=YES" : "")).toList());
    }
}
