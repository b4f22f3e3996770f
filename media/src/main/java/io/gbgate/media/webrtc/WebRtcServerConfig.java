package io.gbgate.media.webrtc;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the WebRTC media server.
 *
 * @param bindHost            address to bind the shared UDP socket to ({@code 0.0.0.0} for all)
 * @param port                UDP port shared by all sessions (0 picks a free one)
 * @param announcedAddresses  addresses put in the ICE candidates, in order of preference (e.g. the
 *                            public address behind NAT, then LAN addresses); empty announces
 *                            {@code bindHost} unless it is the wildcard, then 127.0.0.1
 * @param mtu                 largest datagram sent, IP and UDP headers included
 * @param dtlsThreads         threads running DTLS handshakes (bounded, off the event loop)
 * @param connectTimeout      how long ICE plus DTLS may take after the answer
 * @param consentTimeout      how long a connected session lives without a connectivity check
 * @param nackHistoryPackets  video packets kept per session for NACK (a power of two)
 * @param cname               RTCP CNAME of the server's streams
 * @param iceTcp              the ICE-TCP fallback port (bound on {@code bindHost}, announced on the same
 *                            addresses with lower priority than UDP)
 */
public record WebRtcServerConfig(String bindHost, int port, List<String> announcedAddresses, int mtu, int dtlsThreads,
                                 Duration connectTimeout, Duration consentTimeout, int nackHistoryPackets,
                                 String cname, IceTcpConfig iceTcp) {

    public WebRtcServerConfig {
        announcedAddresses = List.copyOf(announcedAddresses);
        if (iceTcp == null) {
            throw new IllegalArgumentException("ICE-TCP settings missing (use IceTcpConfig.disabled())");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (mtu < 576 || mtu > 9000) {
            throw new IllegalArgumentException("MTU out of range: " + mtu);
        }
        if (dtlsThreads < 1) {
            throw new IllegalArgumentException("need at least one DTLS thread");
        }
        if (Integer.bitCount(nackHistoryPackets) != 1) {
            throw new IllegalArgumentException("NACK history must be a power of two: " + nackHistoryPackets);
        }
    }

    /** UDP only: no ICE-TCP port. */
    public WebRtcServerConfig(String bindHost, int port, List<String> announcedAddresses, int mtu, int dtlsThreads,
                              Duration connectTimeout, Duration consentTimeout, int nackHistoryPackets, String cname) {
        this(bindHost, port, announcedAddresses, mtu, dtlsThreads, connectTimeout, consentTimeout, nackHistoryPackets,
                cname, IceTcpConfig.disabled());
    }

    /** These settings with {@code iceTcp} instead. */
    public WebRtcServerConfig withIceTcp(IceTcpConfig iceTcp) {
        return new WebRtcServerConfig(bindHost, port, announcedAddresses, mtu, dtlsThreads, connectTimeout,
                consentTimeout, nackHistoryPackets, cname, iceTcp);
    }

    /** Defaults: all interfaces, MTU 1200 for the RTP packets plus IP/UDP, 2 DTLS threads, 512 packets of history. */
    public static WebRtcServerConfig defaults(int port, List<String> announcedAddresses) {
        return new WebRtcServerConfig("0.0.0.0", port, announcedAddresses, 1228, 2,
                Duration.ofSeconds(20), Duration.ofSeconds(30), 512, "gbgate");
    }

    /** Largest RTP packet: the MTU less IPv4 and UDP headers. */
    public int rtpMtu() {
        return mtu - 28;
    }
}
