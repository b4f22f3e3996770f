package io.gbgate.media.webrtc;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * The browser's side of an ICE-TCP connection for tests: RFC 4571 frames (a 16-bit length, then the
 * packet) over a plain socket.
 */
public final class FramedTcpTestTransport extends TestPacketLink {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    public FramedTcpTestTransport(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Sends one frame: its length, then its bytes. */
    @Override
    public void send(byte[] data, int offset, int length) throws IOException {
        byte[] framed = new byte[length + 2];
        framed[0] = (byte) (length >>> 8);
        framed[1] = (byte) length;
        System.arraycopy(data, offset, framed, 2, length);
        out.write(framed);
        out.flush();
    }

    /** Waits up to {@code waitMillis} for a frame; null on timeout; EOFException when the server closed. */
    @Override
    public byte[] poll(int waitMillis) throws IOException {
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
        socket.setSoTimeout(TIMEOUT_MILLIS); // the rest of a started frame is already on its way
        int length = (high << 8) | in.readUnsignedByte();
        byte[] frame = new byte[length];
        in.readFully(frame);
        return frame;
    }

    /** True when the server closed the connection within {@code waitMillis}; frames before that are skipped. */
    public boolean closedByServer(int waitMillis) throws IOException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                poll(100);
            }
            return false;
        } catch (EOFException | SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
