package io.gbgate.media.webrtc;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The browser's side of an ICE-TCP connection for tests: RFC 4571 frames over a plain socket, also
 * usable as the bctls DTLS client's datagram transport.
 */
final class FramedTcpTestTransport implements DatagramTransport {
    private static final int FRAME_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    FramedTcpTestTransport(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Sends one frame: its length, then its bytes. */
    void sendFrame(byte[] data, int offset, int length) throws IOException {
        byte[] framed = new byte[length + 2];
        framed[0] = (byte) (length >>> 8);
        framed[1] = (byte) length;
        System.arraycopy(data, offset, framed, 2, length);
        out.write(framed);
        out.flush();
    }

    void sendFrame(byte[] data) throws IOException {
        sendFrame(data, 0, data.length);
    }

    /** Waits up to {@code waitMillis} for a frame; null on timeout; EOFException when the server closed. */
    byte[] receiveFrame(int waitMillis) throws IOException {
        socket.setSoTimeout(Math.max(waitMillis, 1));
        int high;
        try {
            high = in.read();
        } catch (SocketTimeoutException e) {
            return null;
        }
        if (high < 0) {
            throw new EOFException("server closed the ICE-TCP connection");
        }
        socket.setSoTimeout(FRAME_TIMEOUT_MILLIS);
        int length = (high << 8) | in.readUnsignedByte();
        byte[] frame = new byte[length];
        in.readFully(frame);
        return frame;
    }

    /** True when the server closed the connection within {@code waitMillis}; frames before that are skipped. */
    boolean closedByServer(int waitMillis) throws IOException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                receiveFrame(100);
            }
            return false;
        } catch (EOFException | java.net.SocketException e) {
            return true;
        }
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
        byte[] frame = receiveFrame(waitMillis);
        if (frame == null) {
            return -1;
        }
        int n = Math.min(len, frame.length);
        System.arraycopy(frame, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        sendFrame(buf, off, len);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
