package io.gbgate.storage.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where to send which hooks: a row of {@code webhook_subscriptions}.
 *
 * @param id         UUID text
 * @param url        the receiver's http(s) URL
 * @param secret     the HMAC key deliveries are signed with
 * @param eventTypes hook types to send; {@code ["*"]} means all
 * @param createdAt  when it was created
 */
public record WebhookSubscription(String id, String url, String secret, List<String> eventTypes, Instant createdAt) {

    /** All hook types. */
    public static final String ALL = "*";

    /** Validates and copies the fields. */
    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        eventTypes = List.copyOf(eventTypes);
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one event type (or \"*\")");
        }
    }

    /** Whether hooks of {@code type} go to this subscription. */
    public boolean wants(String type) {
        return eventTypes.contains(ALL) || eventTypes.contains(type);
    }
}
