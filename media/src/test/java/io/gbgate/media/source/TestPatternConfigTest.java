package io.gbgate.media.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestPatternConfigTest {

    @Test
    void defaultsToAOneSecondGop() {
        TestPatternConfig config = TestPatternConfig.of("cam", 1280, 720, 30);
        assertThat(config.gopFrames()).isEqualTo(30);
        assertThat(config.bitrate()).isEqualTo(1280 * 720 * 30 / 10);
        assertThat(TestPatternConfig.of("tiny", 16, 16, 1).bitrate()).isEqualTo(100_000);
    }

    @Test
    void presentationTimesAreExactFor90kHz() {
        TestPatternConfig ntsc = TestPatternConfig.of("cam", 640, 360, 30);
        assertThat(ntsc.pts90k(0)).isZero();
        assertThat(ntsc.pts90k(1)).isEqualTo(3000);
        TestPatternConfig odd = TestPatternConfig.of("cam", 640, 360, 7);
        assertThat(odd.pts90k(7)).isEqualTo(90_000);
        assertThat(odd.pts90k(1)).isEqualTo(12_857);
    }

    @Test
    void rejectsUnusableSettings() {
        assertThatThrownBy(() -> TestPatternConfig.of(" ", 640, 360, 25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestPatternConfig.of("cam", 641, 360, 25))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("641x360");
        assertThatThrownBy(() -> TestPatternConfig.of("cam", 640, 360, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestPatternConfig.of("cam", 640, 360, 25).withGopFrames(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestPatternConfig.of("cam", 640, 360, 25).withBitrate(5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
