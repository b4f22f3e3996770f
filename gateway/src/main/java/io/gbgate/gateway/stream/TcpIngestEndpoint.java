package io.gbgate.gateway.stream;

import io.gbgate.media.rtp.RtpStreamStats;
import io.gbgate.media.rtp.TcpRtpClient;
import io.gbgate.media.rtp.TcpRtpServer;
import io.gbgate.media.rtp.TcpRtpStream;
import java.util.concurrent.CompletableFuture;

/**
 * RTP over TCP (RFC 4571): either a listening port of its own that the device connects to
 * (passive), or the gateway's connection to the port the device answered with (active).
 */
final class TcpIngestEndpoint implements IngestEndpoint {
    private final MediaTransport transport;
    private final TcpRtpServer server;
    private final TcpRtpClient client;
    private final TcpRtpStream stream;
    private final CompletableFuture<String> closedByDevice = new CompletableFuture<>();

    private TcpIngestEndpoint(MediaTransport transport, TcpRtpServer server, TcpRtpClient client,
                              TcpRtpStream stream) {
        this.transport = transport;
        this.server = server;
        this.client = client;
        this.stream = stream;
        stream.ended().thenAccept(reason -> {
            switch (reason) {
                case PEER_CLOSED -> closedByDevice.complete("device closed the RTP/TCP connection");
                case FRAMING_ERROR -> closedByDevice.complete("device sent data that is not RFC 4571 framed RTP");
                case SOCKET_ERROR -> closedByDevice.complete("RTP/TCP connection to the device failed");
                case CLOSED_LOCALLY -> { }
            }
        });
    }

    static TcpIngestEndpoint passive(TcpRtpServer server, TcpRtpStream stream) {
        return new TcpIngestEndpoint(MediaTransport.TCP_PASSIVE, server, null, stream);
    }

    static TcpIngestEndpoint active(TcpRtpClient client) {
        return new TcpIngestEndpoint(MediaTransport.TCP_ACTIVE, null, client, client.stream());
    }

    @Override
    public MediaTransport transport() {
        return transport;
    }

    @Override
    public int localPort() {
        return server != null ? server.port() : client.localAddress().getPort();
    }

    @Override
    public RtpStreamStats.Snapshot stats() {
        return stream.stats();
    }

    @Override
    public long ssrcChanges() {
        return stream.ssrcChanges();
    }

    @Override
    public CompletableFuture<String> closedByDevice() {
        return closedByDevice;
    }

    @Override
    public void close() {
        stream.close();
        if (server != null) {
            server.close();
        }
        if (client != null) {
            client.close();
        }
    }
}
