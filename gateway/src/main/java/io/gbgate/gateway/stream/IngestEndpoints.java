package io.gbgate.gateway.stream;

import io.gbgate.media.rtp.RtpPacketListener;
import io.gbgate.media.rtp.RtpPortRange;
import io.gbgate.media.rtp.TcpRtpClient;
import io.gbgate.media.rtp.TcpRtpServer;
import io.gbgate.media.rtp.TcpRtpStream;
import io.gbgate.media.rtp.UdpRtpReceiver;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Opens the RTP endpoint of a play attempt for the transport it uses. */
public final class IngestEndpoints {
    private final EventLoopGroup group;
    private final UdpRtpReceiver udp;
    private final String bindHost;
    private final RtpPortRange tcpPorts;
    private final RtpPortRange udpPorts;
    private final Duration connectTimeout;

    public IngestEndpoints(EventLoopGroup group, UdpRtpReceiver udp, String bindHost, RtpPortRange tcpPorts,
                           RtpPortRange udpPorts, Duration connectTimeout) {
        this.udpPorts = udpPorts;
        this.group = group;
        this.udp = udp;
        this.bindHost = bindHost;
        this.tcpPorts = tcpPorts;
        this.connectTimeout = connectTimeout;
    }

    /** The shared UDP port, keyed by {@code ssrc}. */
    IngestEndpoint udp(long ssrc, RtpPacketListener listener) {
        return new UdpIngestEndpoint(udp, ssrc, listener, false);
    }

    /** A UDP port of its own from the configured range, for when the shared port has no SSRC left. */
    IngestEndpoint udpDedicated(long ssrc, RtpPacketListener listener) {
        UdpRtpReceiver own = UdpRtpReceiver.bindInRange(group, bindHost, udpPorts);
        try {
            return new UdpIngestEndpoint(own, ssrc, listener, true);
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /**
     * A TCP port of its own from the configured range; the first connection whose first RTP
     * packet arrives binds the stream, whatever its SSRC (one port, one device).
     */
    IngestEndpoint tcpPassive(RtpPacketListener listener) {
        TcpRtpServer server = TcpRtpServer.bindInRange(group, bindHost, tcpPorts);
        try {
            TcpRtpStream stream = server.registerAnySsrc(listener);
            return TcpIngestEndpoint.passive(server, stream);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Connects to the device's answered address; fails with "connection refused to ..." etc. */
    CompletableFuture<IngestEndpoint> tcpActive(InetSocketAddress device, RtpPacketListener listener) {
        return TcpRtpClient.connect(group, device, listener, connectTimeout).thenApply(TcpIngestEndpoint::active);
    }

    /** The port put in an offer for an active TCP attempt, where the gateway itself listens on none. */
    int placeholderPort() {
        return udp.port();
    }

    UdpRtpReceiver udpReceiver() {
        return udp;
    }
}
