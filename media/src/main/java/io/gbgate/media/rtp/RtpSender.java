package io.gbgate.media.rtp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * Sends frames as RTP, over UDP ({@link UdpRtpSender}) or TCP ({@link TcpRtpSender}). Never
 * blocks the caller: when the transport cannot take a frame now, the whole frame is dropped and
 * counted.
 */
public interface RtpSender extends AutoCloseable {

    /**
     * Sends one frame as RTP packets with timestamp {@code timestamp90k}, the marker on the last.
     * The caller keeps its reference to {@code psFrame}; its bytes are copied before this returns.
     *
     * @return true when the frame was handed to the network, false when it was dropped
     */
    boolean send(ByteBuf psFrame, long timestamp90k);

    /** Packets handed to the network so far. */
    long packetsSent();

    /** Frames dropped because the transport was not ready, full or closed. */
    long framesDropped();

    /** The local address of the sender's socket. */
    InetSocketAddress localAddress();

    /** Closes the socket without waiting; packets not yet written are released. Idempotent. */
    @Override
    void close();
}
