package io.gbgate.media.webrtc;

/** Where a WebRTC session is in its life. */
public enum WebRtcSessionState {
    /** Answer given; waiting for the browser's ICE connectivity checks. */
    WAITING_FOR_ICE,
    /** A pair was validated; the DTLS handshake is under way. */
    CONNECTING,
    /** SRTP keys are set; media flows from the stream hub. */
    CONNECTED,
    /** Ended; see the reason on {@link WebRtcSession#closed()}. */
    CLOSED
}
