package io.gbgate.media.webrtc.sdp;

import java.util.Locale;

/**
 * A host ICE candidate the server announces (RFC 8839 section 5.1), e.g. the shared UDP port at
 * a configured public address.
 *
 * @param transport  {@code udp} (or {@code tcp} for ICE-TCP passive candidates)
 * @param address    IP address to announce
 * @param port       port to announce
 * @param priority   candidate priority (RFC 8445 section 5.1.2)
 * @param foundation foundation string
 */
public record HostCandidate(String transport, String address, int port, long priority, String foundation) {
    /** Host type preference 126, local preference 65535, component 1. */
    public static final long UDP_HOST_PRIORITY = (126L << 24) | (65535L << 8) | 255;
    /**
     * Passive TCP host candidates rank below every UDP host candidate (RFC 6544 section 4.2): type
     * preference 90, local preference {@code 2^13 * 4} (direction passive) plus 8191.
     */
    public static final long TCP_PASSIVE_HOST_PRIORITY = (90L << 24) | (((4L << 13) | 8191L) << 8) | 255;

    public HostCandidate {
        transport = transport.toLowerCase(Locale.ROOT);
        if (!transport.equals("udp") && !transport.equals("tcp")) {
            throw new IllegalArgumentException("candidate transport must be udp or tcp: " + transport);
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("candidate port out of range: " + port);
        }
        if (address.isBlank() || address.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bad candidate address: " + address);
        }
    }

    /** A UDP host candidate with the usual host priority lowered by {@code index} for the n-th address. */
    public static HostCandidate udp(String address, int port, int index) {
        return new HostCandidate("udp", address, port, UDP_HOST_PRIORITY - index, Integer.toString(index + 1));
    }

    /** A passive ICE-TCP host candidate, lowered by {@code index} for the n-th address. */
    public static HostCandidate tcpPassive(String address, int port, int index) {
        return new HostCandidate("tcp", address, port, TCP_PASSIVE_HOST_PRIORITY - index, "tcp" + (index + 1));
    }

    /** The value of the {@code a=candidate} attribute. */
    public String toSdpValue() {
        StringBuilder value = new StringBuilder(64)
                .append(foundation).append(' ').append(1).append(' ').append(transport).append(' ')
                .append(priority).append(' ').append(address).append(' ').append(port).append(" typ host");
        if (transport.equals("tcp")) {
            value.append(" tcptype passive");
        }
        return value.toString();
    }
}
