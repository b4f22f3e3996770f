package io.gbgate.gateway.stream;

import io.gbgate.sip.sdp.GbTransport;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a device sends a stream's RTP to the gateway, as operators name it. */
public enum MediaTransport {
    /** RTP over UDP to the gateway's shared port, told apart by SSRC. */
    UDP("udp", GbTransport.UDP),
    /** RTP over TCP: the gateway listens, the device connects ({@code a=setup:passive}). */
    TCP_PASSIVE("tcp-passive", GbTransport.TCP_PASSIVE),
    /** RTP over TCP: the device listens, the gateway connects ({@code a=setup:active}). */
    TCP_ACTIVE("tcp-active", GbTransport.TCP_ACTIVE);

    private final String token;
    private final GbTransport gb;

    MediaTransport(String token, GbTransport gb) {
        this.token = token;
        this.gb = gb;
    }

    public String token() {
        return token;
    }

    public GbTransport toGb() {
        return gb;
    }

    /** Parses {@code udp}, {@code tcp-passive} or {@code tcp-active} (case-insensitive). */
    public static MediaTransport parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (MediaTransport t : values()) {
            if (t.token.equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + value + "': use one of "
                + Arrays.stream(values()).map(MediaTransport::token).collect(Collectors.joining(", ")));
    }
}
