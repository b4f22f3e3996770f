package io.gbgate.media.webrtc.stun;

/** The STUN message types ICE needs: the Binding method in its four classes (RFC 5389 section 6). */
public final class StunMessageType {
    public static final int BINDING_REQUEST = 0x0001;
    public static final int BINDING_INDICATION = 0x0011;
    public static final int BINDING_SUCCESS_RESPONSE = 0x0101;
    public static final int BINDING_ERROR_RESPONSE = 0x0111;

    private StunMessageType() {
    }
}
