package io.gbgate.media.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.hls.AnnexBAccessUnits;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.webrtc.dtls.DtlsIdentity;
import io.gbgate.media.webrtc.dtls.DtlsSrtpClient;
import io.gbgate.media.webrtc.rtp.H264Depacketizer;
import io.gbgate.media.webrtc.sdp.HostCandidate;
import io.gbgate.media.webrtc.sdp.SdpOffer;
import io.gbgate.media.webrtc.srtp.DtlsSrtpKeys;
import io.gbgate.media.webrtc.srtp.SrtpResult;
import io.gbgate.media.webrtc.srtp.SrtpUnprotector;
import io.gbgate.media.webrtc.stun.StunMessage;
import io.gbgate.media.webrtc.stun.StunMessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ICE-TCP (RFC 6544 passive, RFC 4571 framing) against a real server on loopback: a browser
 * stand-in that only has TCP gets the camera as SRTP byte for byte; connections that start with
 * anything but a check for a known session, announce an oversized frame or stay silent are closed.
 */
@ExtendWith(NettyLeakGuard.class)
class IceTcpServerTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CACHED_UNITS = 10;
    private static final int LIVE_UNITS = 30;

    private static WebRtcServerConfig config(Duration bindTimeout) {
        return new WebRtcServerConfig("127.0.0.1", 0, List.of("127.0.0.1"), 1228, 2, Duration.ofSeconds(20),
                Duration.ofSeconds(30), 512, "gbgate", new IceTcpConfig(true, 0, 1500, bindTimeout, 2 << 20));
    }

    @Test
    void browserWithOnlyTcpReceivesTheCameraOverSrtp() throws Exception {
        AnnexBAccessUnits camera = AnnexBAccessUnits.cameraD1();
        DtlsIdentity browserIdentity = DtlsIdentity.generate("browser", RANDOM);
        try (WebRtcServer server = WebRtcServer.start(config(Duration.ofSeconds(10)));
             StreamHub hub = new StreamHub("camera-tcp-1")) {
            for (int i = 0; i < CACHED_UNITS; i++) {
                WebRtcServerTest.publish(hub, camera, i);
            }
            WebRtcSession session = server.createSession(WebRtcServerTest.offerFrom(browserIdentity), hub);
            String answer = session.answerSdp();
            assertThat(server.tcpPort()).isPositive();
            assertThat(answer).contains("a=candidate:1 1 udp 2130706431 127.0.0.1 " + server.port() + " typ host")
                    .contains("a=candidate:tcp1 1 tcp " + HostCandidate.TCP_PASSIVE_HOST_PRIORITY + " 127.0.0.1 "
                            + server.tcpPort() + " typ host tcptype passive");
            long videoSsrc = Long.parseLong(WebRtcServerTest.attribute(answer, "ssrc").split(" ")[0]);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.tcpPort())) {
                FramedTcpTestTransport tcp = new FramedTcpTestTransport(socket);
                DtlsSrtpKeys keys = connect(server, session, browserIdentity, tcp, socket);
                WebRtcServerTest.awaitCount(hub::sinkCount, 1);
                SrtpUnprotector fromServer = new SrtpUnprotector(keys.serverWrite());
                H264Depacketizer receiver = new H264Depacketizer();
                for (int expected = CACHED_UNITS; expected <= CACHED_UNITS + LIVE_UNITS; expected++) {
                    if (expected > CACHED_UNITS) {
                        WebRtcServerTest.publish(hub, camera, expected - 1);
                    }
                    while (receiver.accessUnits.size() < expected) {
                        byte[] frame = tcp.poll(10_000);
                        assertThat(frame).as("SRTP frame within 10 s").isNotNull();
                        int type = frame[1] & 0xFF;
                        if (type >= 192 && type <= 223) {
                            continue; // SRTCP sender report
                        }
                        ByteBuf packet = Unpooled.wrappedBuffer(frame);
                        assertThat(fromServer.unprotectRtp(packet)).isEqualTo(SrtpResult.OK);
                        assertThat(packet.getUnsignedInt(8)).isEqualTo(videoSsrc);
                        receiver.accept(packet);
                    }
                }
                for (int i = 0; i < CACHED_UNITS + LIVE_UNITS; i++) {
                    byte[] original = WebRtcServerTest.unitBytes(camera, i);
                    assertThat(receiver.accessUnits.get(i)).as("access unit %d", i)
                            .usingElementComparator(Arrays::compare)
                            .containsExactlyElementsOf(H264Depacketizer.nalUnits(original, 0, original.length));
                }
                assertThat(server.tcpCounters().bound()).isEqualTo(1);

                session.close("viewer left");
                assertThat(tcp.closedByServer(5000)).as("connection closed with the session").isTrue();
            }
            assertThat(server.sessions()).isEmpty();
        }
    }

    @Test
    void closingTheConnectionEndsTheSession() throws Exception {
        DtlsIdentity browserIdentity = DtlsIdentity.generate("browser", RANDOM);
        try (WebRtcServer server = WebRtcServer.start(config(Duration.ofSeconds(10)));
             StreamHub hub = new StreamHub("camera-tcp-2")) {
            WebRtcSession session = server.createSession(WebRtcServerTest.offerFrom(browserIdentity), hub);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.tcpPort())) {
                connect(server, session, browserIdentity, new FramedTcpTestTransport(socket), socket);
            }
            assertThat(session.closed().get(10, TimeUnit.SECONDS)).contains("ICE-TCP connection");
            assertThat(hub.sinkCount()).isZero();
        }
    }

    @Test
    void badConnectionsAreClosedAndCounted() throws Exception {
        try (WebRtcServer server = WebRtcServer.start(config(Duration.ofSeconds(1)));
             StreamHub hub = new StreamHub("camera-tcp-3")) {
            WebRtcSession session = server.createSession(SdpOffer.parse(WebRtcServerTest.chromiumOffer()), hub);
            String pwd = WebRtcServerTest.attribute(session.answerSdp(), "ice-pwd");
            InetSocketAddress port = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.tcpPort());

            try (Socket socket = new Socket(port.getAddress(), port.getPort())) { // unknown ufrag
                FramedTcpTestTransport tcp = new FramedTcpTestTransport(socket);
                tcp.sendPacket(WebRtcServerTest.request("nobody:Wz9k", pwd));
                assertThat(tcp.closedByServer(5000)).isTrue();
            }
            try (Socket socket = new Socket(port.getAddress(), port.getPort())) { // DTLS before any check
                FramedTcpTestTransport tcp = new FramedTcpTestTransport(socket);
                tcp.sendPacket(HexFormat.of().parseHex("16fefd000000000000000000010001"));
                assertThat(tcp.closedByServer(5000)).isTrue();
            }
            try (Socket socket = new Socket(port.getAddress(), port.getPort())) { // framed garbage before STUN
                new FramedTcpTestTransport(socket).sendPacket("hello".getBytes(StandardCharsets.US_ASCII));
                assertThat(new FramedTcpTestTransport(socket).closedByServer(5000)).isTrue();
            }
            try (Socket socket = new Socket(port.getAddress(), port.getPort())) { // unframed: "GE" reads as 18245
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new FramedTcpTestTransport(socket).closedByServer(5000)).isTrue();
            }
            try (Socket socket = new Socket(port.getAddress(), port.getPort())) { // oversized frame length
                socket.getOutputStream().write(HexFormat.of().parseHex("ffff0001"));
                assertThat(new FramedTcpTestTransport(socket).closedByServer(5000)).isTrue();
            }
            try (Socket socket = new Socket(port.getAddress(), port.getPort())) { // silence
                assertThat(new FramedTcpTestTransport(socket).closedByServer(5000)).isTrue();
            }
            IceTcpCounters counters = server.tcpCounters();
            WebRtcServerTest.awaitCount(counters::accepted, 6);
            assertThat(counters.unknownUfrag()).isEqualTo(1);
            assertThat(counters.notStun()).isEqualTo(2); // the DTLS record and "hello"
            assertThat(counters.oversizedFrames()).isEqualTo(2); // the HTTP request and 0xffff
            assertThat(counters.bindTimeouts()).isEqualTo(1);
            assertThat(counters.bound()).isZero();
            assertThat(session.state()).isEqualTo(WebRtcSessionState.WAITING_FOR_ICE);

            // the session is unharmed: a proper check on a new connection is answered
            try (Socket socket = new Socket(port.getAddress(), port.getPort())) {
                FramedTcpTestTransport tcp = new FramedTcpTestTransport(socket);
                check(tcp, WebRtcServerTest.attribute(session.answerSdp(), "ice-ufrag"), pwd, socket);
            }
        }
    }

    private static DtlsSrtpKeys connect(WebRtcServer server, WebRtcSession session, DtlsIdentity browserIdentity,
                                        FramedTcpTestTransport tcp, Socket socket) throws Exception {
        String answer = session.answerSdp();
        check(tcp, WebRtcServerTest.attribute(answer, "ice-ufrag"), WebRtcServerTest.attribute(answer, "ice-pwd"),
                socket);
        assertThat(session.state()).isEqualTo(WebRtcSessionState.CONNECTING);
        DtlsSrtpClient dtls = new DtlsSrtpClient(new BcTlsCrypto(RANDOM), browserIdentity, server.fingerprint());
        new DTLSClientProtocol().connect(dtls, tcp);
        WebRtcServerTest.awaitState(session, WebRtcSessionState.CONNECTED);
        return DtlsSrtpKeys.fromKeyingMaterial(dtls.keyingMaterial());
    }

    private static void check(FramedTcpTestTransport tcp, String ufrag, String pwd, Socket socket) throws Exception {
        tcp.sendPacket(WebRtcServerTest.request(ufrag + ":Wz9k", pwd));
        byte[] frame = tcp.poll(10_000);
        assertThat(frame).as("STUN response").isNotNull();
        StunMessage response = StunMessage.decode(Unpooled.wrappedBuffer(frame));
        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertThat(response.hasValidIntegrity(pwd.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(response.xorMappedAddress()).isEqualTo(socket.getLocalSocketAddress());
    }
}
