package io.gbgate.storage.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.storage.recording.TestClock;
import io.gbgate.storage.recording.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook subscriptions and the delivery outbox on one database variant. */
abstract class WebhookStorageContract {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private TestDatabases.Opened database;
    private TestClock clock;
    private WebhookSubscriptionRepository subscriptions;
    private WebhookOutbox outbox;

    abstract TestDatabases.Variant variant();

    @BeforeEach
    void open() {
        database = variant().open();
        clock = new TestClock(T0);
        subscriptions = new WebhookSubscriptionRepository(database.dataSource(), clock);
        outbox = new WebhookOutbox(database.dataSource(), clock);
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void subscriptionsAreStoredListedAndDeletedWithTheirOutbox() {
        WebhookSubscription all = subscriptions.create("https://hooks.example.com/a", "s3cret", List.of("*"));
        WebhookSubscription some = subscriptions.create("https://hooks.example.com/b", "other",
                List.of("device.online", "clip.ready"));
        assertThat(subscriptions.findAll()).containsExactlyInAnyOrder(all, some);
        assertThat(subscriptions.find(some.id())).contains(some);
        assertThat(all.wants("stream.failed")).isTrue();
        assertThat(some.wants("stream.failed")).isFalse();
        assertThat(some.wants("clip.ready")).isTrue();

        WebhookDelivery queued = outbox.enqueue(some.id(), "clip.ready", "{\"n\":1}");
        assertThat(subscriptions.delete(some.id())).isTrue();
        assertThat(subscriptions.delete(some.id())).isFalse();
        assertThat(outbox.find(queued.id())).as("outbox dropped with the subscription").isEmpty();
        assertThatThrownBy(() -> subscriptions.create("https://x", "s", List.of("a,b")))
                .hasMessageContaining("commas");
        assertThatThrownBy(() -> subscriptions.create("https://x", "s", List.of()))
                .hasMessageContaining("at least one");
    }

    @Test
    void onlyTheOldestPendingDeliveryOfASubscriptionIsDue() {
        String a = subscriptions.create("https://hooks.example.com/a", "k", List.of("*")).id();
        String b = subscriptions.create("https://hooks.example.com/b", "k", List.of("*")).id();
        WebhookDelivery a1 = outbox.enqueue(a, "device.online", "{\"n\":1}");
        WebhookDelivery a2 = outbox.enqueue(a, "device.offline", "{\"n\":2}");
        WebhookDelivery b1 = outbox.enqueue(b, "device.online", "{\"n\":1}");
        assertThat(a1.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(a1.idempotencyKey()).isNotEqualTo(a2.idempotencyKey());
        assertThat(a2.id()).isGreaterThan(a1.id());

        assertThat(outbox.dueHeads(T0, Set.of(), 10)).extracting(WebhookDelivery::id).containsExactly(a1.id(), b1.id());
        assertThat(outbox.dueHeads(T0, Set.of(a), 10)).extracting(WebhookDelivery::id).containsExactly(b1.id());

        // a1 fails: nothing of a is due until its retry time, not even a2
        outbox.markRetry(a1.id(), 500, "HTTP 500", T0.plusSeconds(2));
        outbox.markDelivered(b1.id(), 200);
        assertThat(outbox.dueHeads(T0.plusSeconds(1), Set.of(), 10)).isEmpty();
        assertThat(outbox.dueHeads(T0.plusSeconds(2), Set.of(), 10)).extracting(WebhookDelivery::id)
                .containsExactly(a1.id());

        outbox.markDead(a1.id(), null, "connection refused");
        assertThat(outbox.count(DeliveryState.PENDING)).isEqualTo(1);
        assertThat(outbox.count(DeliveryState.DEAD)).isEqualTo(1);
        assertThat(outbox.count(DeliveryState.DELIVERED)).isEqualTo(1);
        WebhookDelivery dead = outbox.find(a1.id()).orElseThrow();
        assertThat(dead.state()).isEqualTo(DeliveryState.DEAD);
        assertThat(dead.attempts()).isEqualTo(2);
        assertThat(dead.lastStatus()).isNull();
        assertThat(dead.lastError()).isEqualTo("connection refused");
        assertThat(outbox.dueHeads(T0.plusSeconds(2), Set.of(), 10)).extracting(WebhookDelivery::id)
                .as("the dead letter no longer blocks").containsExactly(a2.id());

        clock.advance(Duration.ofSeconds(10));
        assertThat(outbox.replay(a1.id())).isTrue();
        assertThat(outbox.replay(a1.id())).as("already pending").isFalse();
        WebhookDelivery replayed = outbox.find(a1.id()).orElseThrow();
        assertThat(replayed.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(replayed.attempts()).isZero();
        assertThat(replayed.idempotencyKey()).isEqualTo(a1.idempotencyKey());
        assertThat(replayed.payload()).isEqualTo("{\"n\":1}");

        WebhookDelivery delivered = outbox.find(b1.id()).orElseThrow();
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.lastStatus()).isEqualTo(200);
        assertThat(delivered.deliveredAt()).isEqualTo(T0);
        assertThat(outbox.findBySubscription(a, 10)).extracting(WebhookDelivery::id).containsExactly(a2.id(), a1.id());
        assertThat(outbox.replay(999_999)).isFalse();
        assertThatThrownBy(() -> outbox.enqueue(a, "x", "y".repeat(WebhookOutbox.MAX_PAYLOAD + 1)))
                .hasMessageContaining("longer than");
    }
}
