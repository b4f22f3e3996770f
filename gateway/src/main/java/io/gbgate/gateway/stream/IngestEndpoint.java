package io.gbgate.gateway.stream;

import io.gbgate.media.rtp.RtpStreamStats;
import java.util.concurrent.CompletableFuture;

/**
 * Where one play attempt's RTP arrives: a registration on the shared UDP port, a TCP listening
 * port the device connects to, or a TCP connection the gateway made to the device.
 */
interface IngestEndpoint extends AutoCloseable {

    MediaTransport transport();

    /** The local port offered in the SDP (the shared UDP port, or the TCP listening port). */
    int localPort();

    /** Reception statistics (packets, loss, jitter); zeros before the first packet. */
    RtpStreamStats.Snapshot stats();

    /** How often the device switched SSRC mid-stream. */
    long ssrcChanges();

    /** Completes with a reason when the device closed the media connection (TCP only). */
    CompletableFuture<String> closedByDevice();

    @Override
    void close();
}
