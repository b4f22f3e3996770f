package io.gbgate.media.llhls;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.source.TestPatternConfig;
import io.gbgate.media.source.TestPatternEncoder;

/**
 * Test helper: real H.264 (openh264 test pattern, 25 fps, a keyframe every 25 frames) fed into an
 * {@link LlHlsOutput} the way the hub would, moving a {@link SteppingClock} one frame per unit.
 */
final class PatternFeed implements AutoCloseable {
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    private final TestPatternConfig config = TestPatternConfig.of("llhls", WIDTH, HEIGHT, 25);
    private final TestPatternEncoder encoder = new TestPatternEncoder(config);
    private final LlHlsOutput output;
    private final SteppingClock clock;
    private long index;

    PatternFeed(LlHlsOutput output, SteppingClock clock) {
        this.output = output;
        this.clock = clock;
    }

    /** Encodes and offers {@code count} more frames, one frame interval apart on the clock. */
    void frames(int count) {
        offer(count, 40);
    }

    /** Offers {@code count} frames at once, as the hub replays its GOP cache to a new sink. */
    void replay(int count) {
        offer(count, 0);
    }

    /** Like {@link #frames} but keyframes are lost on the way (encoded, not offered), as from a broken camera. */
    void framesWithoutKeyframes(int count) {
        offer(count, 40, true);
    }

    private void offer(int count, long clockStepMillis) {
        offer(count, clockStepMillis, false);
    }

    private void offer(int count, long clockStepMillis, boolean dropKeyframes) {
        for (int i = 0; i < count; i++) {
            AccessUnit unit = encoder.encodeNext(config.pts90k(index++));
            try {
                if (!(dropKeyframes && unit.keyframe())) {
                    output.onAccessUnit(unit);
                }
            } finally {
                unit.release();
            }
            clock.advanceMillis(clockStepMillis);
        }
    }

    long framesFed() {
        return index;
    }

    @Override
    public void close() {
        encoder.close();
    }
}
