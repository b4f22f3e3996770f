package io.gbgate.media.rtp;

/**
 * One RTP stream the gateway is receiving, whatever the transport: a {@link RtpRegistration} on a
 * UDP port or a {@link TcpRtpStream} on a TCP connection. Lets stream bookkeeping treat both alike.
 */
public interface RtpInboundStream extends AutoCloseable {

    /** The stream's SSRC (unsigned 32-bit), or {@link RtpRegistration#ANY_SSRC} while not bound to one yet. */
    long ssrc();

    /** Reception statistics so far. */
    RtpStreamStats.Snapshot stats();

    /** True once the stream was closed (by the gateway, or for TCP also by the device). */
    boolean isClosed();

    /**
     * Stops delivery and releases what the stream holds. Called off the event loop it returns
     * once no packet of the stream is being delivered any more. Idempotent.
     */
    @Override
    void close();
}
