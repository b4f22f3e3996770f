package io.gbgate.gateway.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gbgate.webhooks.*}: how hooks are delivered. Documented in {@code config/application.yml}.
 *
 * @param allowLoopback  accept loopback, link-local and unspecified target addresses (tests, same-host receivers)
 * @param initialBackoff wait after the first failed attempt; doubled after each further one
 * @param maxBackoff     longest wait between attempts
 * @param maxAttempts    attempts before a delivery becomes a dead letter
 * @param requestTimeout how long one attempt may take (connect and answer)
 * @param pollInterval   how often the outbox is checked for due deliveries (new ones are sent at once)
 * @param workers        subscriptions served at the same time (each subscription is served in order)
 */
@ConfigurationProperties("gbgate.webhooks")
public record WebhooksProperties(
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("4") int workers) {

    /** Validates the settings. */
    public WebhooksProperties {
        if (maxAttempts < 1 || workers < 1) {
            throw new IllegalArgumentException("gbgate.webhooks.max-attempts and workers must be positive");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("gbgate.webhooks backoff must be positive, max >= initial");
        }
    }

    /** The wait after {@code failedAttempts} failed attempts (1 = the first failure). */
    public Duration backoffAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 || wait.isNegative() ? maxBackoff : wait;
    }
}
