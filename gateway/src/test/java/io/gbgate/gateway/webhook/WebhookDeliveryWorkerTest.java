package io.gbgate.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.gbgate.storage.Database;
import io.gbgate.storage.webhook.DeliveryState;
import io.gbgate.storage.webhook.WebhookDelivery;
import io.gbgate.storage.webhook.WebhookOutbox;
import io.gbgate.storage.webhook.WebhookSubscriptionRepository;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The outbox survives a worker that dies mid-delivery: a delivery in flight when its worker is torn down (the
 * receiver never answered) is still pending, and the next worker (as after a restart) sends it again with the same
 * idempotency key, followed by the rest in order.
 */
class WebhookDeliveryWorkerTest {
    private DriverManagerDataSource dataSource;
    private HttpServer receiver;
    private final List<String> acknowledgedKeys = new CopyOnWriteArrayList<>();
    private final List<String> receivedKeys = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hang = new CountDownLatch(1);
    private final CountDownLatch firstArrived = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws Exception {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:worker_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        Database.migrate(dataSource);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String key = exchange.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_HEADER);
            exchange.getRequestBody().readAllBytes();
            receivedKeys.add(key);
            firstArrived.countDown();
            try {
                hang.await(30, TimeUnit.SECONDS); // the first worker dies while this request hangs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            acknowledgedKeys.add(key);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        hang.countDown();
        receiver.stop(0);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    @Test
    void aDeliveryInFlightWhenTheWorkerDiesIsSentAgainByTheNextOne() throws Exception {
        Clock clock = Clock.systemUTC();
        WebhooksProperties settings = new WebhooksProperties(true, Duration.ofMillis(100), Duration.ofMillis(500), 5,
                Duration.ofSeconds(30), Duration.ofMillis(100), 2);
        WebhookSubscriptionRepository subscriptions = new WebhookSubscriptionRepository(dataSource, clock);
        WebhookOutbox outbox = new WebhookOutbox(dataSource, clock);
        String subscription = subscriptions.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                "secret", List.of("*")).id();
        WebhookDelivery first = outbox.enqueue(subscription, "device.online", "{\"n\":1}");
        WebhookDelivery second = outbox.enqueue(subscription, "device.online", "{\"n\":2}");

        WebhookDeliveryWorker dying = new WebhookDeliveryWorker(outbox, subscriptions, new WebhookTargets(true),
                settings, clock);
        dying.start();
        assertThat(firstArrived.await(20, TimeUnit.SECONDS)).isTrue();
        dying.close(); // killed mid-request: no acknowledgement was recorded
        assertThat(outbox.find(first.id()).orElseThrow().state()).isEqualTo(DeliveryState.PENDING);
        assertThat(outbox.find(second.id()).orElseThrow().state()).isEqualTo(DeliveryState.PENDING);
        assertThat(receivedKeys).as("the second waits for the first").containsExactly(first.idempotencyKey());

        hang.countDown();
        try (WebhookDeliveryWorker restarted = new WebhookDeliveryWorker(outbox, subscriptions,
                new WebhookTargets(true), settings, clock)) {
            restarted.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (outbox.find(second.id()).orElseThrow().state() != DeliveryState.DELIVERED
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(outbox.find(first.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(outbox.find(second.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
        // at least once: the first key arrived twice (before and after the "restart"), then the second
        assertThat(receivedKeys).containsExactly(first.idempotencyKey(), first.idempotencyKey(),
                second.idempotencyKey());
    }
}
