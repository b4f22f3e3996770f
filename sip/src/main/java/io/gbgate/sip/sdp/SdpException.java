package io.gbgate.sip.sdp;

/** An SDP body that cannot be understood (missing c= or m=, bad numbers), or a GbSdp that cannot be written. */
public class SdpException extends RuntimeException {

    public SdpException(String message) {
        super(message);
    }

    public SdpException(String message, Throwable cause) {
        super(message, cause);
    }
}
