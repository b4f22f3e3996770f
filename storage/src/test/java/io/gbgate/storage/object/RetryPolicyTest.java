package io.gbgate.storage.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void delaysDoubleUpToTheCapWithoutJitter() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.0, 0);
        SplittableRandom random = new SplittableRandom(1);

        assertThat(policy.delayBeforeRetry(1, random)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delayBeforeRetry(2, random)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayBeforeRetry(4, random)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.delayBeforeRetry(5, random)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBeforeRetry(10_000, random)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterOnlyShortensWithinItsFraction() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, 0.25, 0);
        SplittableRandom random = new SplittableRandom(42);
        boolean sawShorter = false;
        for (int i = 0; i < 200; i++) {
            Duration delay = policy.delayBeforeRetry(3, random);
            assertThat(delay).isBetween(Duration.ofMillis(3000), Duration.ofSeconds(4));
            sawShorter |= delay.compareTo(Duration.ofSeconds(4)) < 0;
        }
        assertThat(sawShorter).isTrue();
    }

    @Test
    void attemptLimit() {
        RetryPolicy limited = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), 1.0, 0.0, 3);

        assertThat(limited.allowsAnotherAttempt(2)).isTrue();
        assertThat(limited.allowsAnotherAttempt(3)).isFalse();
        assertThat(RetryPolicy.defaults().allowsAnotherAttempt(Integer.MAX_VALUE)).isTrue();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 2, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), Double.NaN, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1.0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().delayBeforeRetry(0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
