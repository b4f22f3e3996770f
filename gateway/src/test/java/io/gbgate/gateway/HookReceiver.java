package io.gbgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gbgate.gateway.webhook.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver on 127.0.0.1 (JDK HTTP server): records every request, checks its signature independently
 * (HMAC-SHA256 over timestamp "." body), answers 500 to the next {@link #failNext} requests or {@link #status}.
 * It can be stopped and started again on the same port to play a receiver that is down.
 */
final class HookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received, and the status it was answered with. */
    record Hook(String type, String idempotencyKey, String timestamp, String signature, boolean signatureValid,
                JsonNode body, int answered) {
        String deviceId() {
            return body.path("data").path("deviceId").asText(null);
        }
    }

    private final String secret;
    private final List<Hook> received = new ArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();
    volatile int status = 200;
    /** While set, a request is recorded as unanswered (status 0) and held until the latch opens. */
    volatile CountDownLatch stall;
    private HttpServer server;
    private int port;

    HookReceiver(String secret) {
        this.secret = secret;
        start();
    }

    void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String timestamp = exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER);
        String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER);
        boolean valid = timestamp != null && signature != null
                && signature.equals(Hmac.hex(secret, timestamp + "." + body));
        CountDownLatch held = stall;
        if (held != null) {
            synchronized (received) {
                received.add(new Hook(exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_HEADER), timestamp,
                        signature, valid, JSON.readTree(body), 0));
            }
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close(); // never answered: the sender may be gone by now
            return;
        }
        int answer = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : status;
        synchronized (received) {
            received.add(new Hook(exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.IDEMPOTENCY_HEADER), timestamp, signature,
                    valid, JSON.readTree(body), answer));
        }
        exchange.sendResponseHeaders(answer, -1);
        exchange.close();
    }

    /** Every request received, answered or not. */
    List<Hook> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Hooks acknowledged with 2xx and matching {@code filter}, each once (by idempotency key), in arrival order. */
    List<Hook> acknowledged(Predicate<Hook> filter) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        List<Hook> hooks = new ArrayList<>();
        for (Hook hook : all()) {
            if (hook.answered() / 100 == 2 && filter.test(hook) && keys.add(hook.idempotencyKey())) {
                hooks.add(hook);
            }
        }
        return hooks;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The receiver's own HMAC, written apart from the gateway's signer. */
    static final class Hmac {
        private Hmac() {
        }

        static String hex(String key, String text) {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
