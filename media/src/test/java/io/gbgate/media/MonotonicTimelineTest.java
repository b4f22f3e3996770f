package io.gbgate.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MonotonicTimelineTest {
    private static final long WRAP = 1L << 33;
    private static final long FRAME = 3600;
    private static final long MAX_STEP = 900_000;

    @Test
    void deltaIsSignedModulo33Bits() {
        assertThat(MonotonicTimeline.signedDelta(5, WRAP - 5)).isEqualTo(10);
        assertThat(MonotonicTimeline.signedDelta(WRAP - 5, 5)).isEqualTo(-10);
        assertThat(MonotonicTimeline.signedDelta(3600, 0)).isEqualTo(3600);
        assertThat(MonotonicTimeline.signedDelta(0, 3600)).isEqualTo(-3600);
    }

    @Test
    void startsAtTheOriginAndFollowsSteadyStepsAcrossTheWrap() {
        MonotonicTimeline timeline = new MonotonicTimeline(126_000, MAX_STEP, 3000);
        assertThat(timeline.started()).isFalse();
        assertThat(timeline.mapRelated(42)).as("nothing to place it against yet")
                .isEqualTo(MonotonicTimeline.UNPLACEABLE);

        long raw = WRAP - 2 * FRAME;
        assertThat(timeline.mapVideoDts(raw)).isEqualTo(126_000);
        assertThat(timeline.mapVideoDts(raw + FRAME)).isEqualTo(126_000 + FRAME);
        assertThat(timeline.mapVideoDts((raw + 2 * FRAME) & (WRAP - 1))).as("0 after the wrap")
                .isEqualTo(126_000 + 2 * FRAME);
        assertThat(timeline.frameTicks()).isEqualTo(FRAME);
        assertThat(timeline.discontinuities()).isZero();
    }

    @Test
    void backwardsZeroAndHugeStepsBecomeOneFrameInterval() {
        MonotonicTimeline timeline = new MonotonicTimeline(MAX_STEP, 3000);
        assertThat(timeline.mapVideoDts(1_000_000)).isZero();
        assertThat(timeline.mapVideoDts(1_000_000 + FRAME)).isEqualTo(FRAME);
        assertThat(timeline.mapVideoDts(1_000_000 + FRAME)).as("repeated DTS").isEqualTo(2 * FRAME);
        assertThat(timeline.mapVideoDts(500_000)).as("camera clock went back").isEqualTo(3 * FRAME);
        assertThat(timeline.mapVideoDts(500_000 + 10 * MAX_STEP)).as("jump of 100 s").isEqualTo(4 * FRAME);
        assertThat(timeline.mapVideoDts(500_000 + 10 * MAX_STEP + FRAME)).isEqualTo(5 * FRAME);
        assertThat(timeline.discontinuities()).isEqualTo(3);
    }

    @Test
    void relatedTimestampsArePlacedAgainstTheLastVideoDtsOrRefused() {
        MonotonicTimeline timeline = new MonotonicTimeline(MAX_STEP, FRAME);
        timeline.mapVideoDts(50_000);
        assertThat(timeline.mapRelated(50_000 + 2 * FRAME)).as("PTS two frames later").isEqualTo(2 * FRAME);
        assertThat(timeline.mapRelated(50_000 - 900)).as("audio just before").isEqualTo(-900);
        assertThat(timeline.mapRelated(50_000 + MAX_STEP + 1)).isEqualTo(MonotonicTimeline.UNPLACEABLE);
    }

    @Test
    void rejectsStepsThatCannotWork() {
        assertThatThrownBy(() -> new MonotonicTimeline(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MonotonicTimeline(100, 200)).isInstanceOf(IllegalArgumentException.class);
    }
}
