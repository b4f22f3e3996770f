package io.gbgate.gateway.webrtc;

import io.gbgate.gateway.security.ApiToken;
import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.gateway.transcode.TranscodeService;
import io.gbgate.media.transcode.HevcToH264Transcoder;
import io.gbgate.media.webrtc.WebRtcServer;
import io.gbgate.media.webrtc.WebRtcSession;
import io.gbgate.media.webrtc.WebRtcStreamInfo;
import io.gbgate.media.webrtc.sdp.SdpException;
import io.gbgate.media.webrtc.sdp.SdpOffer;
import io.gbgate.sip.platform.SipPlatform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WHEP (RFC 9725) playback of a live stream: {@code POST /whep/{streamId}} with an SDP offer answers
 * 201 with the SDP answer and the session's URL in {@code Location}; {@code DELETE} on that URL ends
 * the session. Either the stream's signed media token ({@code ?token=}) or the API bearer token
 * authorizes. While a session runs it holds the stream, so the viewer lease of the play does not
 * have to be refreshed. An H.265 stream is sent as its H.264 transcode unless the browser can take
 * H.265 ({@link WhepCodecs}).
 */
@RestController
public class WhepController {
    /** Media type of WHEP offers and answers. */
    public static final MediaType SDP = MediaType.parseMediaType("application/sdp");
    private static final Logger log = LoggerFactory.getLogger(WhepController.class);
    private static final String BEARER = "Bearer ";

    private final StreamService streams;
    private final WebRtcServer server;
    private final SipPlatform sip;
    private final MediaTokenSigner signer;
    private final ApiToken apiToken;
    private final TranscodeService transcodes;

    public WhepController(StreamService streams, WebRtcServer server, SipPlatform sip, MediaTokenSigner signer,
                          ApiToken apiToken, TranscodeService transcodes) {
        this.streams = streams;
        this.transcodes = transcodes;
        this.server = server;
        this.sip = sip;
        this.signer = signer;
        this.apiToken = apiToken;
    }

    /** Relative URL of a stream's WHEP endpoint, with a signed token. */
    public static String endpointPath(String streamId, String token) {
        return "/whep/" + streamId + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @PostMapping("/whep/{streamId}")
    public ResponseEntity<String> offer(@PathVariable String streamId,
                                        @RequestParam(required = false) String token,
                                        @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                        @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                        @RequestBody(required = false) String body) {
        String rejection = rejection(streamId, token, authorization);
        if (rejection != null) {
            return text(HttpStatus.UNAUTHORIZED, rejection);
        }
        if (contentType == null || !SDP.isCompatibleWith(MediaType.parseMediaType(contentType))) {
            return text(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the offer must be sent as application/sdp");
        }
        LiveStream stream = streams.stream(streamId).filter(s -> !s.isEnded()).orElse(null);
        if (stream == null) {
            return text(HttpStatus.NOT_FOUND, "no running stream " + streamId);
        }
        SdpOffer offer;
        WebRtcSession session;
        TranscodeService.Lease transcode = null;
        try {
            offer = SdpOffer.parse(body == null ? "" : body);
            if (transcodes.needed(stream, WhepCodecs.wanted(offer))) {
                transcode = transcodes.acquire(stream, "whep:" + UUID.randomUUID());
            }
            session = transcode == null ? server.createSession(offer, stream.hub(), streamInfo(stream))
                    : server.createSession(offer, transcode.hub(), transcodedInfo(transcode));
        } catch (SdpException e) {
            if (transcode != null) {
                transcode.release();
            }
            return text(HttpStatus.BAD_REQUEST, "unusable SDP offer: " + e.getMessage());
        }
        holdWhileOpen(stream, session, token == null ? null : signer.verify(streamId, token).viewerId());
        if (transcode != null) {
            TranscodeService.Lease lease = transcode;
            session.closed().whenComplete((reason, error) -> lease.release());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, sessionPath(streamId, session.id()))
                .contentType(SDP)
                .body(session.answerSdp());
    }

    @DeleteMapping("/whep/{streamId}/{sessionId}")
    public ResponseEntity<String> stop(@PathVariable String streamId, @PathVariable String sessionId,
                                       @RequestParam(required = false) String token,
                                       @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String rejection = rejection(streamId, token, authorization);
        if (rejection != null) {
            return text(HttpStatus.UNAUTHORIZED, rejection);
        }
        WebRtcSession session = server.session(sessionId).filter(s -> s.streamId().equals(streamId)
                || s.streamId().equals(HevcToH264Transcoder.outputStreamId(streamId))).orElse(null);
        if (session == null) {
            return text(HttpStatus.NOT_FOUND, "no WHEP session " + sessionId + " on stream " + streamId);
        }
        session.close("WHEP session deleted by the client");
        return ResponseEntity.noContent().build();
    }

    static String sessionPath(String streamId, String sessionId) {
        return "/whep/" + streamId + "/" + sessionId;
    }

    private WebRtcStreamInfo streamInfo(LiveStream stream) {
        String deviceId = stream.deviceId();
        String channelId = stream.channelId();
        return new WebRtcStreamInfo(null, true, reason -> sip.sendKeyframeRequest(deviceId, channelId)
                .whenComplete((result, error) -> {
                    if (error != null) {
                        log.debug("keyframe request to {}/{} ({}) failed: {}", deviceId, channelId, reason,
                                error.toString());
                    }
                }));
    }

    /** A lost picture is repaired by the transcoder's next IDR, without asking the camera. */
    private static WebRtcStreamInfo transcodedInfo(TranscodeService.Lease transcode) {
        return new WebRtcStreamInfo(null, true, reason -> transcode.requestKeyframe());
    }

    /**
     * The session keeps the stream, and the play viewer its token was issued to, up until it closes (DELETE,
     * consent lost, stream ended).
     */
    private void holdWhileOpen(LiveStream stream, WebRtcSession session, String viewerId) {
        String holder = "whep:" + session.id();
        streams.pin(stream, holder, viewerId);
        session.closed().whenComplete((reason, error) -> streams.unpin(stream, holder));
    }

    /** Null when the request may use the stream, else why not. */
    private String rejection(String streamId, String token, String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return apiToken.matches(authorization.substring(BEARER.length()).trim()) ? null : "invalid bearer token";
        }
        MediaTokenSigner.Verdict verdict = signer.verify(streamId, token);
        return verdict.granted() ? null : verdict.rejection();
    }

    private static ResponseEntity<String> text(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
    }
}
