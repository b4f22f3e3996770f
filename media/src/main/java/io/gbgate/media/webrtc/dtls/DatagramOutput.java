package io.gbgate.media.webrtc.dtls;

import java.io.IOException;

/** Where a DTLS endpoint's outgoing datagrams go (the shared UDP socket, to the peer's address). */
@FunctionalInterface
public interface DatagramOutput {

    /** Sends {@code data[offset, offset + length)} as one datagram; the bytes may be reused after return. */
    void send(byte[] data, int offset, int length) throws IOException;
}
