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
 */
@ConfigurationProperties("gbgate.webrtc")
public record WebRtcProperties(
        @DefaultValue("0.0.0.0") String bindHost,
        @DefaultValue("8189") int port,
        @DefaultValue List<String> announcedAddresses,
        @DefaultValue("20s") Duration connectTimeout,
        @DefaultValue("30s") Duration consentTimeout) {
}
