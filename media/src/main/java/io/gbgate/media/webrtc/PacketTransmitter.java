package io.gbgate.media.webrtc;

import io.netty.buffer.ByteBuf;

/** Sends datagrams to one session's browser over the shared socket. */
interface PacketTransmitter {

    /** Queues {@code datagram} (ownership passes) without flushing. */
    void write(ByteBuf datagram);

    /** Flushes what was queued. */
    void flush();
}
