package io.gbgate.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedDigestLimiterTest {
    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private static final String CAMERA = "34020000001320000001";
    private static final String OTHER = "34020000001320000002";

    private final FailedDigestLimiter limiter = new FailedDigestLimiter(3, Duration.ofSeconds(60),
            Duration.ofSeconds(300), 100);

    @Test
    void theThirdFailureWithinTheWindowBlocksThatDeviceFromThatAddressOnly() {
        assertThat(limiter.failed("10.0.0.5", CAMERA, T0)).isFalse();
        assertThat(limiter.failed("10.0.0.5", CAMERA, T0.plusSeconds(10))).isFalse();
        assertThat(limiter.blockedFor("10.0.0.5", CAMERA, T0.plusSeconds(11))).isZero();
        assertThat(limiter.failed("10.0.0.5", CAMERA, T0.plusSeconds(20))).isTrue();

        assertThat(limiter.blockedFor("10.0.0.5", CAMERA, T0.plusSeconds(20))).isEqualTo(Duration.ofSeconds(300));
        assertThat(limiter.blockedFor("10.0.0.5", OTHER, T0.plusSeconds(20))).as("another camera behind the NAT")
                .isZero();
        assertThat(limiter.blockedFor("10.0.0.6", CAMERA, T0.plusSeconds(20))).isZero();
        assertThat(limiter.blockedFor("10.0.0.5", CAMERA, T0.plusSeconds(320))).as("the block ends").isZero();
    }

    @Test
    void failuresOlderThanTheWindowDoNotCountAndSuccessClearsThem() {
        limiter.failed("10.0.0.5", CAMERA, T0);
        limiter.failed("10.0.0.5", CAMERA, T0.plusSeconds(30));
        assertThat(limiter.failed("10.0.0.5", CAMERA, T0.plusSeconds(61))).as("the first fell out").isFalse();

        limiter.succeeded("10.0.0.5", CAMERA);
        assertThat(limiter.failed("10.0.0.5", CAMERA, T0.plusSeconds(62))).isFalse();
        assertThat(limiter.failed("10.0.0.5", CAMERA, T0.plusSeconds(63))).isFalse();
        assertThat(limiter.failed("10.0.0.5", CAMERA, T0.plusSeconds(64))).isTrue();
    }

    @Test
    void remembersABoundedNumberOfPairs() {
        FailedDigestLimiter small = new FailedDigestLimiter(1, Duration.ofSeconds(60), Duration.ofSeconds(60), 2);
        small.failed("10.0.0.1", CAMERA, T0);
        small.failed("10.0.0.2", CAMERA, T0);
        small.failed("10.0.0.3", CAMERA, T0);
        assertThat(small.blockedFor("10.0.0.1", CAMERA, T0)).as("the oldest pair was forgotten").isZero();
        assertThat(small.blockedFor("10.0.0.3", CAMERA, T0)).isPositive();
        assertThatThrownBy(() -> new FailedDigestLimiter(0, Duration.ofSeconds(1), Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
