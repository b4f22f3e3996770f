package io.gbgate.gateway.security;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The check every segment-based media URL (HLS, LL-HLS) makes: the signed media token must be
 * valid for the stream (else 401), the stream must be running or recently ended (else 404), and
 * the token's viewer counts as seen, which keeps its lease on the stream alive.
 */
@Component
public class MediaAccess {
    private final StreamService streams;
    private final MediaTokenSigner signer;

    /**
     * The outcome of a check: the stream and viewer, or the refusal to answer with.
     *
     * @param stream   the stream, null when refused
     * @param viewerId the viewer the token was issued to, null when refused
     * @param token    the token as presented (to be repeated on the URLs a playlist lists)
     * @param refusal  401 or 404, null when granted
     * @param message  why it was refused
     */
    public record Grant(LiveStream stream, String viewerId, String token, HttpStatus refusal, String message) {
        public boolean granted() {
            return refusal == null;
        }

        /** {@code ?token=...}, URL-encoded, for the URIs in a playlist. */
        public String uriSuffix() {
            return "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        }

        /** The refusal as a plain-text response. */
        public <T> ResponseEntity<T> refusalResponse(Function<String, T> body) {
            return ResponseEntity.status(refusal).contentType(MediaType.TEXT_PLAIN).body(body.apply(message));
        }
    }

    public MediaAccess(StreamService streams, MediaTokenSigner signer) {
        this.streams = streams;
        this.signer = signer;
    }

    /** Checks {@code token} for {@code streamId}; a granted viewer is marked as seen. */
    public Grant check(String streamId, String token) {
        MediaTokenSigner.Verdict verdict = signer.verify(streamId, token);
        if (!verdict.granted()) {
            return new Grant(null, null, token, HttpStatus.UNAUTHORIZED, verdict.rejection());
        }
        LiveStream stream = streams.runningOrEnded(streamId).orElse(null);
        if (stream == null) {
            return new Grant(null, verdict.viewerId(), token, HttpStatus.NOT_FOUND, "no stream " + streamId);
        }
        streams.viewerSeen(streamId, verdict.viewerId());
        return new Grant(stream, verdict.viewerId(), token, null, null);
    }
}
