package io.gbgate.gateway.webhook;

import io.gbgate.storage.webhook.WebhookDelivery;
import io.gbgate.storage.webhook.WebhookOutbox;
import io.gbgate.storage.webhook.WebhookSubscription;
import io.gbgate.storage.webhook.WebhookSubscriptionRepository;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: for each subscription its oldest pending delivery, one at a time, so hooks arrive in the order
 * they were queued. A 2xx answer acknowledges a delivery; anything else (or no answer) schedules a retry with
 * exponential backoff, and after the last attempt the delivery becomes a dead letter and the next one goes.
 * Redirects are not followed. After a crash, pending rows are simply sent again (at least once; receivers drop
 * repeats by the idempotency key).
 */
public final class WebhookDeliveryWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);
    private static final int MAX_ERROR_BODY = 200;

    private final WebhookOutbox outbox;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookTargets targets;
    private final WebhooksProperties settings;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("webhook-outbox", true));
    private final ExecutorService senders;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    public WebhookDeliveryWorker(WebhookOutbox outbox, WebhookSubscriptionRepository subscriptions,
                                 WebhookTargets targets, WebhooksProperties settings, Clock clock) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.settings = settings;
        this.clock = clock;
        this.senders = Executors.newFixedThreadPool(settings.workers(), new DefaultThreadFactory("webhook-send", true));
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Starts polling the outbox (pending rows left by a previous run are sent first). */
    public void start() {
        long period = settings.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::poll, 0, period, TimeUnit.MILLISECONDS);
    }

    /** New deliveries are due: look now rather than at the next tick. */
    public void wake() {
        try {
            ticker.execute(this::poll);
        } catch (RejectedExecutionException closed) {
            // shutting down: the rows stay pending for the next start
        }
    }

    private void poll() {
        try {
            List<WebhookDelivery> due = outbox.dueHeads(clock.instant(), Set.copyOf(busy), settings.workers() * 4);
            for (WebhookDelivery delivery : due) {
                if (busy.add(delivery.subscriptionId())) {
                    senders.execute(() -> {
                        try {
                            attempt(delivery);
                        } finally {
                            busy.remove(delivery.subscriptionId());
                            wake();
                        }
                    });
                }
            }
        } catch (RejectedExecutionException closed) {
            // shutting down
        } catch (RuntimeException e) {
            log.warn("webhook outbox poll failed: {}", e.toString());
        }
    }

    private void attempt(WebhookDelivery delivery) {
        Optional<WebhookSubscription> subscription = subscriptions.find(delivery.subscriptionId());
        if (subscription.isEmpty()) {
            return; // deleted meanwhile; its outbox went with it
        }
        URI target;
        try {
            target = targets.check(subscription.get().url());
        } catch (IllegalArgumentException refused) {
            outbox.markDead(delivery.id(), null, refused.getMessage());
            log.warn("webhook delivery {} dead: {}", delivery.id(), refused.getMessage());
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(subscription.get().secret(), timestamp, delivery.payload()))
                .header(WebhookSignature.IDEMPOTENCY_HEADER, delivery.idempotencyKey())
                .header(WebhookSignature.EVENT_HEADER, delivery.eventType())
                .header(WebhookSignature.DELIVERY_HEADER, Long.toString(delivery.id()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                outbox.markDelivered(delivery.id(), response.statusCode());
                return;
            }
            failed(delivery, response.statusCode(), "HTTP " + response.statusCode() + ": " + cut(response.body()));
        } catch (IOException e) {
            failed(delivery, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(WebhookDelivery delivery, Integer status, String error) {
        int attempts = delivery.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            outbox.markDead(delivery.id(), status, error);
            log.warn("webhook delivery {} ({}) dead after {} attempts: {}", delivery.id(), delivery.eventType(),
                    attempts, error);
            return;
        }
        Instant next = clock.instant().plus(settings.backoffAfter(attempts));
        outbox.markRetry(delivery.id(), status, error, next);
        log.info("webhook delivery {} attempt {} failed ({}); next at {}", delivery.id(), attempts, error, next);
    }

    private static String cut(String body) {
        return body == null ? "" : body.length() <= MAX_ERROR_BODY ? body : body.substring(0, MAX_ERROR_BODY);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        senders.shutdownNow();
    }
}
