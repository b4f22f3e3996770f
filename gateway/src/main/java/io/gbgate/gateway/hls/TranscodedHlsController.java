package io.gbgate.gateway.hls;

import io.gbgate.gateway.security.MediaAccess;
import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.transcode.ClientCodec;
import io.gbgate.gateway.transcode.TranscodeService;
import io.gbgate.media.hls.HlsSegment;
import io.gbgate.media.hls.HlsSegmenter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * The live MPEG-TS HLS URLs with {@code &codec=} (mapped here only when the parameter is present;
 * {@link HlsController} serves them without it). {@code codec=h264} of an H.265 stream plays its
 * H.264 transcode ({@link TranscodedHls}); the segment URIs of that playlist carry the parameter on. Any
 * other accepted value, or an H.264 stream, gets the stream's own HLS; an unknown value is a 400.
 * The first playlist request of a transcode waits (without a thread) for its first segment.
 */
@RestController
public class TranscodedHlsController {
    /** How long the first playlist of a new transcode may wait for its first segment. */
    static final Duration FIRST_SEGMENT_WAIT = Duration.ofSeconds(10);

    private final MediaAccess access;
    private final TranscodeService transcodes;
    private final TranscodedHls transcoded;

    public TranscodedHlsController(MediaAccess access, TranscodeService transcodes, TranscodedHls transcoded) {
        this.access = access;
        this.transcoded = transcoded;
        this.transcodes = transcodes;
    }

    /** Relative URL of the playlist of {@code streamId} for a player that asks for {@code codec}. */
    public static String playlistPath(String streamId, String token, String codec) {
        return HlsController.playlistPath(streamId, token) + "&codec=" + URLEncoder.encode(codec, StandardCharsets.UTF_8);
    }

    @GetMapping(value = "/media/{streamId}/index.m3u8", params = "codec")
    public CompletableFuture<ResponseEntity<String>> playlist(@PathVariable String streamId,
                                                              @RequestParam(required = false) String token,
                                                              @RequestParam String codec) {
        Source source = source(streamId, token, codec);
        if (source.rejection != null) {
            return CompletableFuture.completedFuture(ResponseEntity.status(source.rejection)
                    .contentType(MediaType.TEXT_PLAIN).body(source.message));
        }
        String suffix = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (source.transcoded ? "&codec=h264" : "");
        HlsSegmenter segmenter = source.segmenter;
        CompletableFuture<Void> first = source.transcoded ? segmenter.firstSegment() : CompletableFuture.completedFuture(null);
        return first.orTimeout(FIRST_SEGMENT_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((done, error) -> {
                    ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(HlsController.M3U8)
                            .cacheControl(CacheControl.noCache());
                    if (segmenter.isClosed() && segmenter.closeReason() != null) {
                        ok.header(HlsController.ENDED_HEADER, segmenter.closeReason());
                    }
                    return ok.body(segmenter.playlist(suffix)); // empty while the transcode starts: players reload
                });
    }

    @GetMapping(value = "/media/{streamId}/segment-{sequence}.ts", params = "codec")
    public ResponseEntity<StreamingResponseBody> segment(@PathVariable String streamId, @PathVariable long sequence,
                                                         @RequestParam(required = false) String token,
                                                         @RequestParam String codec) {
        Source source = source(streamId, token, codec);
        if (source.rejection != null) {
            return HlsController.text(source.rejection, source.message);
        }
        HlsSegment segment = source.segmenter.segment(sequence).orElse(null);
        if (segment == null) {
            return HlsController.text(HttpStatus.NOT_FOUND, "no segment " + sequence + " in the "
                    + (source.transcoded ? "H.264 transcode of " : "") + "stream " + streamId);
        }
        return HlsController.segmentResponse(segment);
    }

    /** Where the request's HLS comes from, or why it is refused. */
    private Source source(String streamId, String token, String codec) {
        MediaAccess.Grant grant = access.check(streamId, token);
        if (grant.refusal() == HttpStatus.UNAUTHORIZED) {
            return Source.refused(grant.refusal(), grant.message());
        }
        ClientCodec wanted;
        try {
            wanted = ClientCodec.parse(codec);
        } catch (IllegalArgumentException e) {
            return Source.refused(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (!grant.granted()) {
            return Source.refused(grant.refusal(), grant.message());
        }
        LiveStream stream = grant.stream();
        if (!transcodes.needed(stream, wanted)) {
            return new Source(stream.hls(), false, null, null);
        }
        if (stream.isEnded()) {
            return Source.refused(HttpStatus.NOT_FOUND, "stream " + streamId + " ended: " + stream.endReason());
        }
        return new Source(transcoded.segmenter(stream), true, null, null);
    }

    private record Source(HlsSegmenter segmenter, boolean transcoded, HttpStatus rejection, String message) {
        static Source refused(HttpStatus status, String message) {
            return new Source(null, false, status, message);
        }
    }
}
