package io.gbgate.storage.object;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff between upload attempts.
 *
 * <p>The delay before retry {@code n} (1-based) is {@code initialDelay * multiplier^(n-1)}, capped at
 * {@code maxDelay}, then shortened by a random fraction of up to {@code jitter} so that many uploads failing
 * together do not retry in lock step.
 *
 * @param initialDelay delay before the first retry, positive
 * @param maxDelay     longest delay, at least {@code initialDelay}
 * @param multiplier   growth factor per retry, at least 1
 * @param jitter       fraction in [0, 1) by which a delay may be randomly shortened
 * @param maxAttempts  attempts before giving up, or 0 to retry for as long as the store stays unavailable
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
                          int maxAttempts) {

    /** Checks the ranges documented on the components. */
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initialDelay must be positive: " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is below initialDelay " + initialDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be 0 (unlimited) or positive: " + maxAttempts);
        }
    }

    /** 1 s doubling up to 5 min, 20 % jitter, unlimited attempts: for a store that may be down for hours. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.2, 0);
    }

    /** Delay before retry number {@code retry} (1 = the retry after the first failed attempt). */
    public Duration delayBeforeRetry(int retry, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1: " + retry);
        }
        double base = initialDelay.toNanos() * Math.pow(multiplier, retry - 1);
        double capped = Math.min(base, maxDelay.toNanos());
        double jittered = capped * (1.0 - jitter * random.nextDouble());
        return Duration.ofNanos(Math.max(1L, (long) jittered));
    }

    /** Whether another attempt is allowed after {@code attemptsMade} failed ones. */
    public boolean allowsAnotherAttempt(int attemptsMade) {
        return maxAttempts == 0 || attemptsMade < maxAttempts;
    }
}
