package io.gbgate.sip.platform;

import java.time.Instant;

/**
 * An accepted subscription of the platform at a device.
 *
 * @param id        identifier (the SUBSCRIBE dialog's Call-ID), for {@link SipPlatform#unsubscribe(String)}
 * @param deviceId  device subscribed to
 * @param kind      what is subscribed
 * @param expires   lifetime in seconds the device granted in the last (re-)SUBSCRIBE
 * @param renewedAt time of the last accepted (re-)SUBSCRIBE
 * @param renewals  number of accepted refreshes after the initial SUBSCRIBE
 */
public record Subscription(String id, String deviceId, SubscriptionKind kind, int expires, Instant renewedAt,
                           int renewals) {
}
