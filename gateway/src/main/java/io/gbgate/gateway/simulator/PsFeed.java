package io.gbgate.gateway.simulator;

import io.netty.buffer.ByteBuf;

/**
 * What a simulated camera sends: MPEG-PS, one picture at a time, in real time. Each call of the
 * consumer is one picture (the RTP marker goes on its last packet); the consumer does not take
 * ownership of the buffer.
 */
public interface PsFeed extends AutoCloseable {

    /** Receives one picture's PS bytes and its 90 kHz timestamp. */
    @FunctionalInterface
    interface FrameConsumer {
        void accept(ByteBuf ps, long timestamp90k);
    }

    void start(FrameConsumer consumer);

    @Override
    void close();
}
