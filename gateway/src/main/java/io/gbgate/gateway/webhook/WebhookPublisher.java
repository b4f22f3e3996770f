package io.gbgate.gateway.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gbgate.storage.webhook.WebhookOutbox;
import io.gbgate.storage.webhook.WebhookSubscription;
import io.gbgate.storage.webhook.WebhookSubscriptionRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues a hook for every subscription that wants its type, as rows of the durable outbox. Called inside a
 * transaction, the rows commit (or roll back) with the caller's change and the delivery worker is woken after the
 * commit; called outside one, each row commits at once.
 *
 * <p>The body is {@code {"id", "type", "occurredAt", "data"}}; {@code id} is the same for every subscription.
 */
public final class WebhookPublisher {
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookOutbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final Runnable wake;

    /** @param wake tells the delivery worker that new deliveries are due */
    public WebhookPublisher(WebhookSubscriptionRepository subscriptions, WebhookOutbox outbox, ObjectMapper json,
                            Clock clock, Runnable wake) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.wake = wake;
    }

    /**
     * Queues a hook of {@code type} carrying {@code data} (serialized as JSON).
     *
     * @return how many subscriptions it was queued for
     */
    public int publish(HookType type, Map<String, ?> data) {
        String body = null;
        int queued = 0;
        for (WebhookSubscription subscription : subscriptions.findAll()) {
            if (!subscription.wants(type.wireName())) {
                continue;
            }
            if (body == null) {
                body = body(type, data);
            }
            outbox.enqueue(subscription.id(), type.wireName(), body);
            queued++;
        }
        if (queued > 0) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        wake.run();
                    }
                });
            } else {
                wake.run();
            }
        }
        return queued;
    }

    private String body(HookType type, Map<String, ?> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("type", type.wireName());
        envelope.put("occurredAt", clock.instant().toString());
        envelope.put("data", data);
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("hook data of " + type.wireName() + " is not serializable: "
                    + e.getOriginalMessage(), e);
        }
    }
}
