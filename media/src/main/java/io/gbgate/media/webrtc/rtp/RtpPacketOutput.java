package io.gbgate.media.webrtc.rtp;

import io.netty.buffer.ByteBuf;

/** Receives the RTP packets a packetizer makes; it owns each packet and must release or pass it on. */
@FunctionalInterface
public interface RtpPacketOutput {

    void send(ByteBuf packet);
}
