package io.gbgate.sip.device;

import java.time.Instant;

/**
 * A platform's subscription as the device holds it.
 *
 * @param id        the SUBSCRIBE dialog's Call-ID
 * @param topic     what is subscribed
 * @param event     the {@code Event} header value the platform used (NOTIFYs repeat it)
 * @param expires   lifetime granted in the last (re-)SUBSCRIBE, seconds
 * @param expiresAt when the subscription runs out unless refreshed
 * @param refreshes number of refreshes after the initial SUBSCRIBE
 */
public record DeviceSubscription(String id, SubscriptionTopic topic, String event, int expires, Instant expiresAt,
                                 int refreshes) {
}
