package io.gbgate.gateway.webhook;

import io.gbgate.gateway.api.ApiError;
import io.gbgate.gateway.api.NotFoundException;
import io.gbgate.storage.webhook.WebhookDelivery;
import io.gbgate.storage.webhook.WebhookOutbox;
import io.gbgate.storage.webhook.WebhookSubscription;
import io.gbgate.storage.webhook.WebhookSubscriptionRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions and their deliveries: inspect the outbox and resend a delivery. */
@RestController
@Tag(name = "webhooks")
public class WebhookController {
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookOutbox outbox;
    private final WebhookTargets targets;
    private final WebhookDeliveryWorker worker;

    public WebhookController(WebhookSubscriptionRepository subscriptions, WebhookOutbox outbox,
                             WebhookTargets targets, WebhookDeliveryWorker worker) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.targets = targets;
        this.worker = worker;
    }

    /** A new subscription: {@code events} are hook types ({@code device.online}, ...) or {@code ["*"]} for all. */
    public record SubscriptionRequest(String url, String secret, List<String> events) {
    }

    /** A subscription as the API shows it (never its secret). */
    public record SubscriptionView(String id, String url, List<String> events, Instant createdAt) {
        static SubscriptionView of(WebhookSubscription s) {
            return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.createdAt());
        }
    }

    /** A delivery of the outbox. */
    public record DeliveryView(long id, String eventType, String state, int attempts, Instant nextAttemptAt,
                               Integer lastStatus, String lastError, Instant deliveredAt, Instant createdAt,
                               String idempotencyKey) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id(), d.eventType(), d.state().code(), d.attempts(), d.nextAttemptAt(),
                    d.lastStatus(), d.lastError(), d.deliveredAt(), d.createdAt(), d.idempotencyKey());
        }
    }

    @PostMapping("/api/webhooks")
    @Operation(summary = "Subscribe a URL to hooks; deliveries are signed with the secret (HMAC-SHA256)")
    public ResponseEntity<SubscriptionView> create(@RequestBody SubscriptionRequest request) {
        if (request == null || request.secret() == null || request.secret().isBlank()) {
            throw new IllegalArgumentException("body must have url, secret and events");
        }
        if (request.events() == null || request.events().isEmpty()) {
            throw new IllegalArgumentException("events must list hook types or be [\"*\"]");
        }
        for (String type : request.events()) {
            if (!WebhookSubscription.ALL.equals(type) && HookType.of(type).isEmpty()) {
                throw new IllegalArgumentException("unknown hook type " + type + "; known: "
                        + java.util.Arrays.stream(HookType.values()).map(HookType::wireName).toList() + " or *");
            }
        }
        String url = targets.check(request.url()).toString();
        WebhookSubscription created = subscriptions.create(url, request.secret(), request.events());
        return ResponseEntity.status(HttpStatus.CREATED).body(SubscriptionView.of(created));
    }

    @GetMapping("/api/webhooks")
    @Operation(summary = "Every subscription")
    public List<SubscriptionView> list() {
        return subscriptions.findAll().stream().map(SubscriptionView::of).toList();
    }

    @DeleteMapping("/api/webhooks/{id}")
    @Operation(summary = "Remove a subscription and its undelivered hooks")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        if (!subscriptions.delete(id)) {
            throw new NotFoundException("unknown webhook " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/webhooks/{id}/deliveries")
    @Operation(summary = "The subscription's deliveries, newest first: pending (attempts, next try), delivered or dead")
    public List<DeliveryView> deliveries(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000");
        }
        if (subscriptions.find(id).isEmpty()) {
            throw new NotFoundException("unknown webhook " + id);
        }
        return outbox.findBySubscription(id, limit).stream().map(DeliveryView::of).toList();
    }

    @PostMapping("/api/webhooks/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a delivered or dead delivery again (same body and idempotency key)")
    public ResponseEntity<?> replay(@PathVariable long deliveryId) {
        if (outbox.find(deliveryId).isEmpty()) {
            throw new NotFoundException("unknown delivery " + deliveryId);
        }
        if (!outbox.replay(deliveryId)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(409, "Conflict",
                    "delivery " + deliveryId + " is still pending: it is sent (again) when due"));
        }
        worker.wake();
        return ResponseEntity.accepted().body(DeliveryView.of(outbox.find(deliveryId).orElseThrow()));
    }
}
