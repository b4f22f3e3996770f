package io.gbgate.gateway.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/**
 * Plays channels through the REST API the way an operator's player would: POST /play, then polls
 * the HLS playlist until a segment is listed and fetchable (time from the POST is the stream's
 * time to first segment), then keeps the viewer lease alive by fetching the playlist periodically.
 */
final class StreamPlays implements AutoCloseable {
    private static final long POLL_MILLIS = 250;

    private final GatewayApi api;
    private final ScheduledExecutorService timers;
    private final Duration segmentTimeout;
    private final Duration touchEvery;
    private final List<ScheduledFuture<?>> touches = new ArrayList<>();
    private final AtomicLong touchFailures = new AtomicLong();

    /**
     * How one play went: playing with its time to first segment, or failed with a cause to count
     * by ({@code failure}, e.g. "POST /play: HTTP 502 NO_RTP at INVITE_ACCEPTED") and the
     * gateway's message for this one ({@code detail}).
     */
    record Outcome(String channelId, boolean tcpRequested, String transport, String streamId, String playlist,
                   long firstSegmentMillis, String failure, String detail) {
        boolean playing() {
            return failure == null;
        }

        static Outcome failed(String channelId, boolean tcpRequested, String streamId, String failure,
                              String detail) {
            return new Outcome(channelId, tcpRequested, null, streamId, null, -1, failure, detail);
        }
    }

    StreamPlays(GatewayApi api, ScheduledExecutorService timers, Duration segmentTimeout, Duration touchEvery) {
        this.api = api;
        this.timers = timers;
        this.segmentTimeout = segmentTimeout;
        this.touchEvery = touchEvery;
    }

    /** Plays every channel with at most {@code concurrency} POSTs outstanding; waits for every outcome. */
    List<Outcome> playAll(List<String> channels, IntPredicate overTcp, int concurrency) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            slots.acquire();
            outcomes.add(play(channels.get(i), overTcp.test(i), slots));
        }
        return outcomes.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Outcome> play(String channelId, boolean tcp, Semaphore slots) {
        long start = System.nanoTime();
        String path = "/api/channels/" + channelId + "/play" + (tcp ? "?transport=tcp-passive" : "");
        return api.post(path)
                .whenComplete((response, error) -> slots.release())
                .thenCompose(response -> response.status() == 200
                        ? awaitFirstSegment(channelId, tcp, response.json(), start)
                        : CompletableFuture.completedFuture(playFailed(channelId, tcp, response)))
                .exceptionally(e -> Outcome.failed(channelId, tcp, null, "POST /play: " + describe(e), null));
    }

    private CompletableFuture<Outcome> awaitFirstSegment(String channelId, boolean tcp, JsonNode play, long start) {
        String streamId = play.path("streamId").asText();
        String playlist = play.path("hls").asText();
        String transport = play.path("transport").asText();
        long deadline = start + segmentTimeout.toNanos();
        return firstSegment(playlist, deadline).handle((ignored, error) -> {
            if (error != null) {
                return Outcome.failed(channelId, tcp, streamId, "first segment: " + describe(error), null);
            }
            keepAlive(playlist);
            return new Outcome(channelId, tcp, transport, streamId, playlist,
                    (System.nanoTime() - start) / 1_000_000, null, null);
        });
    }

    /** Completes once a segment of {@code playlist} is listed and answers 200. */
    private CompletableFuture<Void> firstSegment(String playlist, long deadline) {
        return api.media(playlist).thenCompose(response -> {
            if (response.status() != 200) {
                throw new IllegalStateException("playlist answered HTTP " + response.status() + ": "
                        + firstLine(response.body()));
            }
            Optional<String> segment = HlsPlaylists.firstSegment(response.body());
            if (segment.isEmpty()) {
                return later(playlist, deadline);
            }
            return api.fetchStatus(HlsPlaylists.resolve(playlist, segment.get()))
                    .thenCompose(status -> status == 200 ? CompletableFuture.completedFuture(null)
                            : later(playlist, deadline));
        });
    }

    private CompletableFuture<Void> later(String playlist, long deadline) {
        if (System.nanoTime() > deadline) {
            return CompletableFuture.failedFuture(new TimeoutException("no fetchable HLS segment within "
                    + segmentTimeout.toSeconds() + " s of POST /play"));
        }
        Executor delayed = CompletableFuture.delayedExecutor(POLL_MILLIS, TimeUnit.MILLISECONDS, timers);
        return CompletableFuture.runAsync(() -> { }, delayed).thenCompose(ignored -> firstSegment(playlist, deadline));
    }

    /** Fetches the playlist every {@code touchEvery} (offset at random) so the viewer lease never lapses. */
    private void keepAlive(String playlist) {
        long period = touchEvery.toMillis();
        long offset = ThreadLocalRandom.current().nextLong(period);
        ScheduledFuture<?> touch = timers.scheduleAtFixedRate(() -> api.media(playlist).whenComplete((r, e) -> {
            if (e != null || r.status() != 200) {
                touchFailures.incrementAndGet();
            }
        }), offset, period, TimeUnit.MILLISECONDS);
        synchronized (touches) {
            touches.add(touch);
        }
    }

    /** Playlist fetches that failed while keeping streams alive. */
    long touchFailures() {
        return touchFailures.get();
    }

    /**
     * Stops the stream of every outcome that got one (DELETE /play without viewer: BYE now), with
     * at most {@code concurrency} requests outstanding; returns how many the gateway confirmed.
     */
    int stopAll(List<Outcome> outcomes, int concurrency) throws InterruptedException {
        close();
        Semaphore slots = new Semaphore(concurrency);
        List<CompletableFuture<Boolean>> deletes = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.streamId() != null) {
                slots.acquire();
                deletes.add(api.delete("/api/channels/" + outcome.channelId() + "/play")
                        .whenComplete((r, e) -> slots.release())
                        .handle((r, e) -> e == null && r.status() == 204));
            }
        }
        return (int) deletes.stream().filter(CompletableFuture::join).count();
    }

    /** Stops touching playlists. */
    @Override
    public void close() {
        synchronized (touches) {
            touches.forEach(t -> t.cancel(false));
            touches.clear();
        }
    }

    /** A failed POST /play, counted by status, cause and stage of the API's error body. */
    static Outcome playFailed(String channelId, boolean tcp, GatewayApi.Response response) {
        try {
            JsonNode error = response.json();
            String cause = error.path("cause").asText(error.path("error").asText("?"));
            String stage = error.path("stage").asText(null);
            String streamId = error.path("streamId").asText(null);
            return Outcome.failed(channelId, tcp, streamId, "POST /play: HTTP " + response.status() + " " + cause
                    + (stage == null ? "" : " at " + stage), firstLine(error.path("message").asText("")));
        } catch (RuntimeException notJson) {
            return Outcome.failed(channelId, tcp, null, "POST /play: HTTP " + response.status(),
                    firstLine(response.body()));
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
