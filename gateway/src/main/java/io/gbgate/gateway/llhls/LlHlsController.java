package io.gbgate.gateway.llhls;

import io.gbgate.gateway.hls.HlsController;
import io.gbgate.gateway.security.MediaAccess;
import io.gbgate.media.llhls.BlockingReload;
import io.gbgate.media.llhls.LlHlsNames;
import io.gbgate.media.llhls.LlHlsOutput;
import io.gbgate.media.llhls.LlHlsRequestException;
import io.gbgate.media.llhls.PartPosition;
import io.gbgate.media.llhls.PlaylistKind;
import io.netty.buffer.ByteBuf;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Low-latency HLS at {@code /llhls/{streamId}/index.m3u8} and plain HLS with fMP4 segments (H.265
 * untouched, for HEVC-capable players) at {@code /llhls/{streamId}/fmp4.m3u8}; both list the same
 * {@code init<n>.mp4}, {@code seg<n>.m4s} and {@code part<n>.<i>.m4s} files next to them. Every URL
 * carries the signed media token and is checked like live HLS ({@link MediaAccess}).
 *
 * <p>A playlist is answered once the output has a complete segment (players refuse one with parts
 * only; the output starts on the first request, so that takes up to a segment duration).
 * Blocking playlist reloads ({@code _HLS_msn}, {@code _HLS_part}) and requests for the
 * preload-hinted part are held without a thread (an async response completed by the output) for
 * at most three target durations, then answered 503. Malformed or too-far-ahead requests get 400.
 */
@RestController
public class LlHlsController {
    static final MediaType M3U8 = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    static final MediaType MP4 = MediaType.parseMediaType("video/mp4");
    static final MediaType M4S = MediaType.parseMediaType("video/iso.segment");

    private final MediaAccess access;
    private final LlHlsOutputs outputs;

    public LlHlsController(MediaAccess access, LlHlsOutputs outputs) {
        this.access = access;
        this.outputs = outputs;
    }

    /** Relative URL of a stream's LL-HLS playlist, with a signed token. */
    public static String playlistPath(String streamId, String token) {
        return "/llhls/" + streamId + "/index.m3u8?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Relative URL of a stream's plain HLS playlist with fMP4 segments, with a signed token. */
    public static String fmp4PlaylistPath(String streamId, String token) {
        return "/llhls/" + streamId + "/fmp4.m3u8?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @GetMapping("/llhls/{streamId}/index.m3u8")
    public CompletableFuture<ResponseEntity<String>> lowLatencyPlaylist(
            @PathVariable String streamId, @RequestParam(required = false) String token,
            @RequestParam(name = "_HLS_msn", required = false) String msn,
            @RequestParam(name = "_HLS_part", required = false) String part) {
        return playlist(streamId, token, PlaylistKind.LOW_LATENCY, msn, part);
    }

    @GetMapping("/llhls/{streamId}/fmp4.m3u8")
    public CompletableFuture<ResponseEntity<String>> fmp4Playlist(@PathVariable String streamId,
                                                                  @RequestParam(required = false) String token) {
        return playlist(streamId, token, PlaylistKind.FMP4, null, null);
    }

    @GetMapping("/llhls/{streamId}/{file:.+\\.(?:mp4|m4s)}")
    public CompletableFuture<ResponseEntity<StreamingResponseBody>> file(
            @PathVariable String streamId, @PathVariable String file, @RequestParam(required = false) String token) {
        MediaAccess.Grant grant = access.check(streamId, token);
        if (!grant.granted()) {
            return done(grant.refusalResponse(LlHlsController::textBody));
        }
        Optional<LlHlsNames.Resource> resource = LlHlsNames.parse(file);
        if (resource.isEmpty()) {
            return done(text(HttpStatus.NOT_FOUND, "no file " + file + " in LL-HLS"));
        }
        LlHlsOutput output = outputs.forStream(grant.stream()).orElse(null);
        if (output == null) {
            return done(text(HttpStatus.NOT_FOUND, ended(grant)));
        }
        String missing = "no " + file + " in stream " + streamId;
        if (resource.get() instanceof LlHlsNames.Init init) {
            return done(output.init(init.id()).map(i -> bytes(i.data(), MP4)).orElseGet(() -> text404(missing)));
        }
        if (resource.get() instanceof LlHlsNames.Segment segment) {
            return done(output.segment(segment.msn()).map(s -> bytes(s.data(), M4S)).orElseGet(() -> text404(missing)));
        }
        PartPosition position = ((LlHlsNames.Part) resource.get()).position();
        if (output.part(position).isPresent() || output.latestPart().filter(l -> l.isAtOrAfter(position)).isPresent()) {
            return done(output.part(position).map(p -> bytes(p.data(), M4S)).orElseGet(() -> text404(missing)));
        }
        CompletableFuture<Void> published;
        try {
            published = output.await(BlockingReload.of(position)); // a preload-hinted part: held until it exists
        } catch (LlHlsRequestException e) {
            return done(text404(missing + ": " + e.getMessage()));
        }
        Duration limit = output.holdLimit();
        return published.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(ignored -> output.part(position).map(p -> bytes(p.data(), M4S))
                        .orElseGet(() -> text404(missing)))
                .exceptionally(error -> held(error, limit, LlHlsController::textBody));
    }

    private CompletableFuture<ResponseEntity<String>> playlist(String streamId, String token, PlaylistKind kind,
                                                              String msn, String part) {
        MediaAccess.Grant grant = access.check(streamId, token);
        if (!grant.granted()) {
            return done(grant.refusalResponse(message -> message));
        }
        BlockingReload reload;
        try {
            reload = BlockingReload.parse(msn, part);
        } catch (LlHlsRequestException e) {
            return done(plain(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
        LlHlsOutput output = outputs.forStream(grant.stream()).orElse(null);
        if (output == null) {
            return done(plain(HttpStatus.NOT_FOUND, ended(grant)));
        }
        CompletableFuture<Void> ready;
        try {
            ready = reload == null ? output.firstSegment() : output.await(reload);
        } catch (LlHlsRequestException e) {
            return done(plain(HttpStatus.BAD_REQUEST, e.getMessage()));
        }
        Duration limit = output.holdLimit();
        String suffix = grant.uriSuffix();
        return ready.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(ignored -> {
                    ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(M3U8)
                            .cacheControl(CacheControl.noCache());
                    if (grant.stream().isEnded()) { // the playlist ends with EXT-X-ENDLIST; the reason is here
                        ok.header(HlsController.ENDED_HEADER, grant.stream().endReason());
                    }
                    return ok.body(output.playlist(kind, suffix));
                })
                .exceptionally(error -> held(error, limit, message -> message));
    }

    /** A held request that failed: 503 when the time limit passed (RFC 8216bis), else 503 with the reason. */
    private static <T> ResponseEntity<T> held(Throwable error, Duration limit,
                                              Function<String, T> body) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause instanceof TimeoutException
                ? "not available within " + limit.toMillis() + " ms"
                : "cannot wait: " + cause.getMessage();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN)
                .body(body.apply(message));
    }

    private static String ended(MediaAccess.Grant grant) {
        return "stream " + grant.stream().streamId() + " ended before LL-HLS was requested: "
                + grant.stream().endReason();
    }

    private static ResponseEntity<StreamingResponseBody> bytes(ByteBuf data, MediaType type) {
        int length = data.readableBytes();
        StreamingResponseBody body = out -> data.getBytes(data.readerIndex(), out, length);
        return ResponseEntity.ok().contentType(type).contentLength(length)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1))).body(body);
    }

    private static ResponseEntity<StreamingResponseBody> text404(String message) {
        return text(HttpStatus.NOT_FOUND, message);
    }

    private static ResponseEntity<StreamingResponseBody> text(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(textBody(message));
    }

    private static StreamingResponseBody textBody(String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return out -> out.write(bytes);
    }

    private static ResponseEntity<String> plain(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
