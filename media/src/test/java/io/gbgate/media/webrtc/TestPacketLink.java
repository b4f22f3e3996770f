package io.gbgate.media.webrtc;

import java.io.IOException;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The network side of a test's browser stand-in: whole packets (STUN, DTLS records, SRTP) to and
 * from a WebRTC server, also usable as the bctls DTLS client's {@link DatagramTransport}.
 */
public abstract class TestPacketLink implements DatagramTransport, AutoCloseable {
    /** How long {@link #receivePacket()} waits. */
    public static final int TIMEOUT_MILLIS = 10_000;

    /** The next packet within {@code waitMillis}, or null. */
    public abstract byte[] poll(int waitMillis) throws IOException;

    /** Sends one packet. */
    public void sendPacket(byte[] packet) throws IOException {
        send(packet, 0, packet.length);
    }

    /** The next packet; AssertionError after {@link #TIMEOUT_MILLIS} without one. */
    public byte[] receivePacket() throws IOException {
        byte[] packet = poll(TIMEOUT_MILLIS);
        if (packet == null) {
            throw new AssertionError("nothing from the server within " + TIMEOUT_MILLIS + " ms");
        }
        return packet;
    }

    @Override
    public int getReceiveLimit() {
        return 1500;
    }

    @Override
    public int getSendLimit() {
        return 1200;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        byte[] packet = poll(waitMillis);
        if (packet == null) {
            return -1;
        }
        int n = Math.min(len, packet.length);
        System.arraycopy(packet, 0, buf, off, n);
        return n;
    }
}
