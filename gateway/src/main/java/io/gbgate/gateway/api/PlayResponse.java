package io.gbgate.gateway.api;

import io.gbgate.gateway.flv.FlvController;
import io.gbgate.gateway.hls.HlsController;
import io.gbgate.gateway.llhls.LlHlsController;
import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.PlayDiagnosis;
import io.gbgate.gateway.webrtc.WhepController;
import java.util.List;
import java.util.Map;

/**
 * Answer to a successful play: the stream, this viewer's ID, how the media travels (and any
 * attempt given up on the way, e.g. UDP that brought no RTP), and every URL a client may use,
 * each carrying this viewer's signed token. URLs are relative to the gateway's HTTP address ({@code wsflv}
 * with the ws/wss scheme; {@code whep} also accepts the API bearer token instead of its own). {@code llhls}
 * is low-latency HLS (fMP4 parts), {@code hlsFmp4} plain HLS with fMP4 segments (H.265 untouched).
 * {@code videoCodec} is the stream's video codec (H264, H265): a player without HEVC decoding adds
 * {@code &codec=h264} to the {@code hls} or {@code flv} URL to get the stream's H.264 transcode (WHEP
 * negotiates it by itself).
 */
public record PlayResponse(String streamId, String viewerId, String channelId, String deviceId, String transport,
                           List<PlayDiagnosis.AttemptSummary> previousAttempts, String hls, String whep,
                           String flv, String wsflv, Map<String, Long> timingsMillis, String llhls,
                           String hlsFmp4, String videoCodec) {

    /** The answer for {@code viewerId} of {@code stream}, every URL signed for that viewer. */
    public static PlayResponse of(LiveStream stream, String viewerId, MediaTokenSigner signer) {
        String id = stream.streamId();
        String token = signer.sign(id, viewerId);
        return new PlayResponse(id, viewerId, stream.channelId(), stream.deviceId(), stream.status().transport(),
                stream.diagnosis().previousAttempts(), HlsController.playlistPath(id, token),
                WhepController.endpointPath(id, token), FlvController.httpPath(id, token),
                FlvController.webSocketPath(id, token), stream.diagnosis().timingsMillis(),
                LlHlsController.playlistPath(id, token), LlHlsController.fmp4PlaylistPath(id, token),
                stream.video() == null ? null : stream.video().codec().name());
    }
}
