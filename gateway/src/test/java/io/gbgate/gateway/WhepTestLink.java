package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.webrtc.FramedTcpTestTransport;
import io.gbgate.media.webrtc.TestPacketLink;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network side of the Java browser stand-in ({@link WhepTestClient}): a UDP socket to the
 * gateway's WebRTC port, or an ICE-TCP connection with RFC 4571 framing to its TCP port. Either
 * carries STUN, the bctls DTLS handshake and SRTP.
 */
final class WhepTestLink {
    /** Which candidate of the answer to use. */
    enum Kind { UDP, TCP }

    private WhepTestLink() {
    }

    /** The port of the {@code kind} host candidate on 127.0.0.1 in the gateway's SDP answer. */
    static int candidatePort(String answer, Kind kind) {
        String candidateLine = kind == Kind.UDP
                ? "a=candidate:\\S+ 1 udp \\d+ 127\\.0\\.0\\.1 (\\d+) typ host\r\n"
                : "a=candidate:\\S+ 1 tcp \\d+ 127\\.0\\.0\\.1 (\\d+) typ host tcptype passive\r\n";
        Matcher candidate = Pattern.compile(candidateLine).matcher(answer);
        assertThat(candidate.find()).as("%s host candidate on 127.0.0.1 in\n%s", kind, answer).isTrue();
        return Integer.parseInt(candidate.group(1));
    }

    /** Connects to the gateway's {@code kind} port {@code port} on 127.0.0.1. */
    static TestPacketLink open(Kind kind, int port) throws IOException {
        if (kind == Kind.UDP) {
            return new Udp(port);
        }
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        return new FramedTcpTestTransport(socket);
    }

    private static final class Udp extends TestPacketLink {
        private final DatagramSocket socket;

        Udp(int port) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setReceiveBufferSize(4 << 20);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }

        @Override
        public void send(byte[] buf, int off, int len) throws IOException {
            socket.send(new DatagramPacket(buf, off, len));
        }

        @Override
        public byte[] poll(int waitMillis) throws IOException {
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
}
