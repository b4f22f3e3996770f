package io.gbgate.media.webrtc;

import io.gbgate.media.webrtc.sdp.H264ProfileLevelId;

/**
 * What the server knows about the stream a viewer asks for.
 *
 * @param videoProfile      the H.264 profile of the stream (from its SPS), or null when unknown
 * @param pcmaAudio         whether the stream may carry G.711 A-law audio
 * @param keyframeRequester what to call on PLI/FIR from the viewer
 */
public record WebRtcStreamInfo(H264ProfileLevelId videoProfile, boolean pcmaAudio, KeyframeRequester keyframeRequester) {
    private static final KeyframeRequester IGNORE = reason -> { };

    /** A null requester means keyframe requests are ignored. */
    public WebRtcStreamInfo {
        keyframeRequester = keyframeRequester == null ? IGNORE : keyframeRequester;
    }

    /** Unknown profile, audio offered, keyframe requests ignored. */
    public static WebRtcStreamInfo unknown() {
        return new WebRtcStreamInfo(null, true, IGNORE);
    }
}
