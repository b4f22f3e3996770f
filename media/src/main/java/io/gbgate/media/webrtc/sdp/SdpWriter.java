package io.gbgate.media.webrtc.sdp;

/** Writes SDP lines ({@code <type>=<value>} with CRLF) and attributes ({@code a=<name>[:<value>]}). */
final class SdpWriter {
    private final StringBuilder text = new StringBuilder(2048);

    SdpWriter line(char type, String value) {
        text.append(type).append('=').append(value).append("\r\n");
        return this;
    }

    SdpWriter attribute(String name) {
        text.append("a=").append(name).append("\r\n");
        return this;
    }

    SdpWriter attribute(String name, String value) {
        text.append("a=").append(name).append(':').append(value).append("\r\n");
        return this;
    }

    /** {@code a=<name>:<payloadType> <value>}, as rtpmap, fmtp and rtcp-fb are written. */
    SdpWriter payloadAttribute(String name, int payloadType, String value) {
        text.append("a=").append(name).append(':').append(payloadType).append(' ').append(value).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
