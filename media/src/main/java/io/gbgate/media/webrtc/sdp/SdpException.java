package io.gbgate.media.webrtc.sdp;

/** An SDP offer that cannot be parsed or cannot be answered (a WHEP endpoint maps it to 400 or 406). */
public final class SdpException extends Exception {
    private static final long serialVersionUID = 1L;

    public SdpException(String message) {
        super(message);
    }
}
