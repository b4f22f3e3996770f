package io.gbgate.sip.stack;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link SipEndpoint} listens on.
 *
 * @param namePrefix     prefix of the jain-sip STACK_NAME; a unique suffix is appended per stack
 * @param bindHost       local address of the listening points (e.g. {@code 127.0.0.1})
 * @param port           port shared by all listening points; 0 picks a port free for UDP and TCP
 * @param transports     transports to listen on (at least one)
 * @param maxMessageSize largest accepted SIP message in bytes (jain-sip MAX_MESSAGE_SIZE); larger ones are refused
 */
public record SipEndpointConfig(String namePrefix, String bindHost, int port, Set<SipTransport> transports,
                                int maxMessageSize) {

    /** Default limit: GB28181 catalogs are split into several MESSAGEs, 64 KiB is plenty. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024;

    /** Validates and copies the transports. */
    public SipEndpointConfig {
        Objects.requireNonNull(namePrefix, "namePrefix");
        Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (transports == null || transports.isEmpty()) {
            throw new IllegalArgumentException("at least one transport is required");
        }
        transports = Set.copyOf(EnumSet.copyOf(transports));
        if (maxMessageSize < 1024) {
            throw new IllegalArgumentException("maxMessageSize below 1024: " + maxMessageSize);
        }
    }

    /** UDP and TCP on one port with the default size limit. */
    public static SipEndpointConfig udpAndTcp(String namePrefix, String bindHost, int port) {
        return new SipEndpointConfig(namePrefix, bindHost, port, EnumSet.allOf(SipTransport.class),
                DEFAULT_MAX_MESSAGE_SIZE);
    }
}
