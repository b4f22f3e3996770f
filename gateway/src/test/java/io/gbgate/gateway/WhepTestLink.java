package io.gbgate.gateway;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The network side of the Java browser stand-in ({@link WhepTestClient}): a UDP socket to the
 * gateway's WebRTC port, or an ICE-TCP connection with RFC 4571 framing to its TCP port. Either
 * carries STUN, the bctls DTLS handshake (as its {@link DatagramTransport}) and SRTP.
 */
abstract class WhepTestLink implements DatagramTransport, AutoCloseable {
    static final int TIMEOUT_MILLIS = 10_000;

    /** Which candidate of the answer to use. */
    enum Kind { UDP, TCP }

    static WhepTestLink open(Kind kind, int port) throws IOException {
        return kind == Kind.UDP ? new Udp(port) : new Tcp(port);
    }

    /** Sends one packet. */
    abstract void sendPacket(byte[] packet) throws IOException;

    /** The next packet; AssertionError after {@link #TIMEOUT_MILLIS} without one. */
    byte[] receivePacket() throws IOException {
        byte[] packet = poll(TIMEOUT_MILLIS);
        if (packet == null) {
            throw new AssertionError("nothing from the gateway within " + TIMEOUT_MILLIS + " ms");
        }
        return packet;
    }

    /** The next packet within {@code waitMillis}, or null. */
    abstract byte[] poll(int waitMillis) throws IOException;

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

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        sendPacket(Arrays.copyOfRange(buf, off, off + len));
    }

    private static final class Udp extends WhepTestLink {
        private final DatagramSocket socket;

        Udp(int port) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setReceiveBufferSize(4 << 20);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }

        @Override
        void sendPacket(byte[] packet) throws IOException {
            socket.send(new DatagramPacket(packet, packet.length));
        }

        @Override
        byte[] poll(int waitMillis) throws IOException {
            byte[] buffer = new byte[2048];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.setSoTimeout(Math.max(1, waitMillis));
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            return Arrays.copyOf(buffer, packet.getLength());
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private static final class Tcp extends WhepTestLink {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        Tcp(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        @Override
        void sendPacket(byte[] packet) throws IOException {
            byte[] framed = new byte[packet.length + 2];
            framed[0] = (byte) (packet.length >>> 8);
            framed[1] = (byte) packet.length;
            System.arraycopy(packet, 0, framed, 2, packet.length);
            out.write(framed);
            out.flush();
        }

        @Override
        byte[] poll(int waitMillis) throws IOException {
            socket.setSoTimeout(Math.max(1, waitMillis));
            int high;
            try {
                high = in.read();
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (high < 0) {
                throw new EOFException("the gateway closed the ICE-TCP connection");
            }
            socket.setSoTimeout(TIMEOUT_MILLIS); // the rest of a started frame is already on its way
            byte[] frame = new byte[(high << 8) | in.readUnsignedByte()];
            in.readFully(frame);
            return frame;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
