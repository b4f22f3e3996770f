package io.gbgate.gateway.device;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the gateway subscribes to at every device that registers ({@code gbgate.subscriptions.*}); the SIP
 * platform refreshes each subscription before it runs out.
 *
 * @param catalog        catalog changes (channels added, removed, updated, on and off line)
 * @param alarm          alarms
 * @param mobilePosition mobile positions
 * @param expires        lifetime asked for in each SUBSCRIBE
 */
@ConfigurationProperties("gbgate.subscriptions")
public record SubscriptionProperties(@DefaultValue("true") boolean catalog, @DefaultValue("true") boolean alarm,
                                     @DefaultValue("true") boolean mobilePosition,
                                     @DefaultValue("3600s") Duration expires) {

    /** Checks the expiry. */
    public SubscriptionProperties {
        if (expires == null || expires.toSeconds() < 1) {
            throw new IllegalArgumentException("gbgate.subscriptions.expires must be at least 1s, got " + expires);
        }
    }
}
