package io.gbgate.sip.stack;

import java.util.Locale;

/** Signalling transport of a SIP peer. */
public enum SipTransport {
    UDP,
    TCP;

    /** Transport token as jain-sip expects it ({@code "udp"}, {@code "tcp"}). */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a transport token case-insensitively.
     *
     * @throws IllegalArgumentException for anything other than UDP or TCP
     */
    public static SipTransport parse(String token) {
        return switch (token == null ? "" : token.toUpperCase(Locale.ROOT)) {
            case "UDP" -> UDP;
            case "TCP" -> TCP;
            default -> throw new IllegalArgumentException("unsupported SIP transport: " + token);
        };
    }
}
