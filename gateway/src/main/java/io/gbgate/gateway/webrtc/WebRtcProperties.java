package io.gbgate.gateway.webrtc;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gbgate.webrtc.*}: the WebRTC (WHEP) media server. Documented in {@code config/application.yml}.
 *
 * @param bindHost           address the shared UDP socket binds to
 * @param port               UDP port shared by every WebRTC session (0 picks a free one)
 * @param announcedAddresses addresses put in the ICE candidates, in order of preference; empty announces
 *                           the bind address (127.0.0.1 when it is the wildcard)
 * @param connectTimeout     how long ICE plus DTLS may take after the answer
 * @param consentTimeout     a connected session without a connectivity check for this long is closed
 * @param tcp                ICE-TCP, the fallback for networks that block UDP
 */
@ConfigurationProperties("gbgate.webrtc")
public record WebRtcProperties(
        @DefaultValue("0.0.0.0") String bindHost,
        @DefaultValue("8189") int port,
        @DefaultValue List<String> announcedAddresses,
        @DefaultValue("20s") Duration connectTimeout,
        @DefaultValue("30s") Duration consentTimeout,
        @DefaultValue Tcp tcp) {

    /**
     * {@code gbgate.webrtc.tcp.*}: passive ICE-TCP candidates on one TCP port shared by every session.
     *
     * @param enabled       whether the port is opened and announced (below the UDP candidates)
     * @param port          the TCP port (0 picks a free one)
     * @param maxFrameBytes largest RFC 4571 frame accepted from a browser
     * @param bindTimeout   a connection without a valid connectivity check by then is closed
     * @param writeBuffer   bytes queued per connection above which media packets are dropped
     */
    public record Tcp(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("8189") int port,
            @DefaultValue("1500") int maxFrameBytes,
            @DefaultValue("10s") Duration bindTimeout,
            @DefaultValue("2097152") int writeBuffer) {
    }
}
