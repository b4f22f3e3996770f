package io.gbgate.gateway.hls;

import io.gbgate.gateway.security.MediaAccess;
import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.media.hls.HlsSegment;
import io.netty.buffer.ByteBuf;
import java.net.URLEncoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Live HLS: playlists and MPEG-TS segments, each URL carrying the stream's signed token. */
@RestController
public class HlsController {
    static final MediaType M3U8 = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    static final MediaType TS = MediaType.parseMediaType("video/mp2t");
    /** Set on the playlist of a stream that ended: why it ended, in words. */
    public static final String ENDED_HEADER = "X-Gbgate-Stream-Ended";

    private final MediaAccess access;

    public HlsController(MediaAccess access) {
        this.access = access;
    }

    /** Relative URL of a stream's live playlist, with a fresh token. */
    public static String playlistPath(String streamId, String token) {
        return "/media/" + streamId + "/index.m3u8?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @GetMapping("/media/{streamId}/index.m3u8")
    public ResponseEntity<String> playlist(@PathVariable String streamId,
                                           @RequestParam(required = false) String token) {
        MediaAccess.Grant grant = access.check(streamId, token);
        if (!grant.granted()) {
            return grant.refusalResponse(message -> message);
        }
        LiveStream stream = grant.stream();
        // An ended stream still serves its playlist, closed with EXT-X-ENDLIST; the reason is in a header.
        String suffix = grant.uriSuffix();
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(M3U8).cacheControl(CacheControl.noCache());
        if (stream.isEnded()) {
            ok.header(ENDED_HEADER, stream.endReason());
        }
        return ok.body(stream.hls().playlist(suffix));
    }

    @GetMapping("/media/{streamId}/segment-{sequence}.ts")
    public ResponseEntity<StreamingResponseBody> segment(@PathVariable String streamId, @PathVariable long sequence,
                                          @RequestParam(required = false) String token) {
        MediaAccess.Grant grant = access.check(streamId, token);
        if (!grant.granted()) {
            return text(grant.refusal(), grant.message());
        }
        HlsSegment segment = grant.stream().hls().segment(sequence).orElse(null);
        if (segment == null) {
            return text(HttpStatus.NOT_FOUND, "no segment " + sequence + " in stream " + streamId);
        }
        return segmentResponse(segment);
    }

    /** A segment's bytes as the answer (segments do not change: cacheable for a minute). */
    static ResponseEntity<StreamingResponseBody> segmentResponse(HlsSegment segment) {
        ByteBuf data = segment.data();
        int length = data.readableBytes();
        StreamingResponseBody body = out -> data.getBytes(data.readerIndex(), out, length);
        return ResponseEntity.ok().contentType(TS).contentLength(length)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1))).body(body);
    }

    /** A plain-text refusal with {@code status}. */
    static ResponseEntity<StreamingResponseBody> text(HttpStatus status, String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(out -> out.write(bytes));
    }
}
