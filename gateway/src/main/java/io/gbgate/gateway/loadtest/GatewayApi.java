package io.gbgate.gateway.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The gateway's REST API and HLS URLs as the harness uses them: asynchronous requests over one
 * JDK HTTP client, so hundreds of plays and playlist polls need no thread each.
 */
final class GatewayApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String base;
    private final String token;

    /** A response with its body as text. */
    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("gateway answered " + status + " with no JSON: " + body, e);
            }
        }
    }

    GatewayApi(String base, String token, ExecutorService executor) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    }

    String base() {
        return base;
    }

    CompletableFuture<Response> get(String path) {
        return send(authorized(path).GET().build());
    }

    CompletableFuture<Response> post(String path) {
        return send(authorized(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    CompletableFuture<Response> delete(String path) {
        return send(authorized(path).DELETE().build());
    }

    /** GET of a media URL (its token is in the query), as a player does it. */
    CompletableFuture<Response> media(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(REQUEST_TIMEOUT).GET().build());
    }

    /** GET of a media URL, discarding the body: the HTTP status only. */
    CompletableFuture<Integer> fetchStatus(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(REQUEST_TIMEOUT)
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token);
    }

    private CompletableFuture<Response> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Response(r.statusCode(), r.body()));
    }
}
