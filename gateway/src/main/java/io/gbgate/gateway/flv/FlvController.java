package io.gbgate.gateway.flv;

import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.gateway.transcode.ClientCodec;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live FLV for web players (flv.js, mpegts.js): HTTP-FLV at {@code GET /flv/{streamId}.flv?token=}
 * (one endless response) and WebSocket-FLV at {@code /wsflv/{streamId}?token=} (one binary message per
 * chunk). Both check the signed media token (401) and the stream (404) before the body or the
 * WebSocket upgrade starts. {@code &codec=h264} gets an H.265 stream transcoded to H.264 (see
 * {@link ClientCodec}); without it the stream goes out as it is.
 */
@RestController
public class FlvController {
    static final String FLV_CONTENT_TYPE = "video/x-flv";

    private final StreamService streams;
    private final MediaTokenSigner signer;
    private final FlvOutputs outputs;

    public FlvController(StreamService streams, MediaTokenSigner signer, FlvOutputs outputs) {
        this.streams = streams;
        this.signer = signer;
        this.outputs = outputs;
    }

    /** Relative URL of a stream's HTTP-FLV output, with a signed token. */
    public static String httpPath(String streamId, String token) {
        return "/flv/" + streamId + ".flv?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Relative URL (on the gateway's HTTP port, scheme ws or wss) of a stream's WebSocket-FLV output. */
    public static String webSocketPath(String streamId, String token) {
        return "/wsflv/" + streamId + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @GetMapping("/flv/{streamId}.flv")
    public void httpFlv(@PathVariable String streamId, @RequestParam(required = false) String token,
                        @RequestParam(required = false) String codec,
                        HttpServletRequest request, HttpServletResponse response) throws IOException {
        Viewer viewer = authorizedViewer(streamId, token, response);
        ClientCodec wanted = viewer == null ? null : codec(codec, response);
        if (wanted == null) {
            return;
        }
        response.setContentType(FLV_CONTENT_TYPE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        FlvHttpResponse output = new FlvHttpResponse(async, response.getOutputStream());
        output.start(outputs.subscribe(viewer.stream(), wanted, output, viewer.viewerId()));
    }

    @GetMapping("/wsflv/{streamId}")
    public void webSocketFlv(@PathVariable String streamId, @RequestParam(required = false) String token,
                             @RequestParam(required = false) String codec,
                             HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Viewer viewer = authorizedViewer(streamId, token, response);
        ClientCodec wanted = viewer == null ? null : codec(codec, response);
        if (wanted == null) {
            return;
        }
        ServerContainer container = (ServerContainer) request.getServletContext()
                .getAttribute(ServerContainer.class.getName());
        if (container == null) {
            response.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED, "WebSocket is not available");
            return;
        }
        FlvWebSocket endpoint = new FlvWebSocket(outputs, viewer.stream(), wanted, viewer.viewerId());
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(FlvWebSocket.class, "/wsflv/{streamId}")
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(endpoint);
                    }
                }).build();
        try {
            container.upgradeHttpToWebSocket(request, response, config, Map.of("streamId", streamId));
        } catch (DeploymentException e) {
            throw new ServletException("WebSocket-FLV upgrade failed", e);
        }
    }

    /** A running stream and the play viewer the media token was issued to. */
    private record Viewer(LiveStream stream, String viewerId) {
    }

    /** The running stream and the token's viewer, or null after a 401 or 404 was sent. */
    private Viewer authorizedViewer(String streamId, String token, HttpServletResponse response)
            throws IOException {
        MediaTokenSigner.Verdict verdict = signer.verify(streamId, token);
        if (!verdict.granted()) {
            plain(response, HttpServletResponse.SC_UNAUTHORIZED, verdict.rejection());
            return null;
        }
        LiveStream stream = streams.stream(streamId).filter(s -> !s.isEnded()).orElse(null);
        if (stream == null) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "no running stream " + streamId);
            return null;
        }
        streams.viewerSeen(streamId, verdict.viewerId());
        return new Viewer(stream, verdict.viewerId());
    }

    /** The codec asked for, or null after a 400 was sent. */
    private static ClientCodec codec(String value, HttpServletResponse response) throws IOException {
        try {
            return ClientCodec.parse(value);
        } catch (IllegalArgumentException e) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return null;
        }
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(message);
    }
}
