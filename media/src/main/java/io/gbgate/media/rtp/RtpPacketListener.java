package io.gbgate.media.rtp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/** Receives the RTP packets of one stream in sequence order. */
@FunctionalInterface
public interface RtpPacketListener {

    /**
     * Called on the receiver's event loop for each packet, in sequence order.
     *
     * @param header  the packet's parsed header
     * @param payload the payload bytes (readable region); valid only during this call: retain it
     *                (or a slice of it) to keep it, and do not change its indices
     * @param sender  where the packet came from ({@code null} when the transport has no address)
     */
    void onPacket(RtpHeader header, ByteBuf payload, InetSocketAddress sender);
}
