package io.gbgate.storage.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One hook for one subscription: a row of the {@code webhook_deliveries} outbox.
 *
 * @param id             increasing number; a subscription's deliveries go out in this order
 * @param subscriptionId the subscription it is for
 * @param eventType      the hook type ({@code device.online}, ...)
 * @param payload        the JSON body, sent byte for byte on every attempt
 * @param idempotencyKey the same on every attempt and replay: receivers drop repeats by it
 * @param state          pending, delivered or dead
 * @param attempts       attempts made so far
 * @param nextAttemptAt  when a pending delivery is due
 * @param lastStatus     the receiver's HTTP status on the last attempt, or null (no answer)
 * @param lastError      what went wrong on the last attempt, or null
 * @param deliveredAt    when the receiver acknowledged it, or null
 * @param createdAt      when it was queued
 */
public record WebhookDelivery(long id, String subscriptionId, String eventType, String payload, String idempotencyKey,
                              DeliveryState state, int attempts, Instant nextAttemptAt, Integer lastStatus,
                              String lastError, Instant deliveredAt, Instant createdAt) {

    /** Validates the required fields. */
    public WebhookDelivery {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(state, "state");
    }
}
