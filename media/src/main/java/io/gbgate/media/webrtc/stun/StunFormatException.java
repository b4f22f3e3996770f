package io.gbgate.media.webrtc.stun;

/** A datagram that claims to be STUN but breaks the message format of RFC 5389. */
public final class StunFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public StunFormatException(String message) {
        super(message);
    }
}
