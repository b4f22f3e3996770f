package io.gbgate.gateway.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One Chrome DevTools Protocol connection (the browser endpoint) over the JDK's WebSocket client.
 * Page sessions share it in "flat" mode: a command for a page carries that page's {@code sessionId}.
 * Answers are matched to commands by {@code id}; events go to the listeners.
 */
public final class CdpConnection implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A protocol event: its method, the session it belongs to (null for the browser) and its params. */
    public record Event(String method, String sessionId, JsonNode params) {
    }

    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final WebSocket socket;

    private CdpConnection(URI endpoint) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(endpoint, new Listener()).join();
    }

    /** Connects to a DevTools WebSocket URL ({@code ws://127.0.0.1:<port>/devtools/browser/<id>}). */
    public static CdpConnection open(URI endpoint) {
        return new CdpConnection(endpoint);
    }

    public void onEvent(Consumer<Event> listener) {
        listeners.add(listener);
    }

    /**
     * Sends {@code method} (to the page of {@code sessionId}, or to the browser when null) and waits
     * for its result; a protocol error becomes a {@link CdpException}.
     */
    public JsonNode send(String sessionId, String method, ObjectNode params, Duration timeout) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (socket) { // one outstanding sendText at a time, as WebSocket requires
                socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
            }
            JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                throw new CdpException(method + ": " + reply.get("error"));
            }
            return reply.path("result");
        } catch (TimeoutException e) {
            throw new CdpException(method + ": no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new CdpException(method + ": " + e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdpException(method + ": interrupted");
        } finally {
            pending.remove(id);
        }
    }

    public static ObjectNode params() {
        return JSON.createObjectNode();
    }

    @Override
    public void close() {
        socket.abort();
        pending.values().forEach(f -> f.completeExceptionally(new CdpException("connection closed")));
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // not JSON: nothing the protocol sends
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
        } else if (message.has("method")) {
            Event event = new Event(message.get("method").asText(),
                    message.hasNonNull("sessionId") ? message.get("sessionId").asText() : null, message.path("params"));
            listeners.forEach(listener -> listener.accept(event));
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            pending.values().forEach(f -> f.completeExceptionally(new CdpException("browser closed the connection")));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }
    }

    /** A DevTools protocol command that failed or got no answer. */
    public static final class CdpException extends RuntimeException {
        public CdpException(String message) {
            super(message);
        }
    }
}
