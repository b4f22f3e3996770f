package io.gbgate.media.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.hls.AnnexBAccessUnits;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.webrtc.dtls.DtlsIdentity;
import io.gbgate.media.webrtc.dtls.DtlsSrtpClient;
import io.gbgate.media.webrtc.rtp.H264Depacketizer;
import io.gbgate.media.webrtc.sdp.SdpOffer;
import io.gbgate.media.webrtc.srtp.DtlsSrtpKeys;
import io.gbgate.media.webrtc.srtp.SrtpProtector;
import io.gbgate.media.webrtc.srtp.SrtpResult;
import io.gbgate.media.webrtc.srtp.SrtpUnprotector;
import io.gbgate.media.webrtc.stun.StunMessage;
import io.gbgate.media.webrtc.stun.StunMessageBuilder;
import io.gbgate.media.webrtc.stun.StunMessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.UDPTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser stand-in on loopback UDP: STUN check with USE-CANDIDATE, DTLS-SRTP handshake, then
 * the camera's access units arrive as SRTP and reassemble byte for byte; PLI reaches the keyframe
 * requester, NACK gets the packet again, sender reports come, and closing leaves the hub.
 */
@ExtendWith(NettyLeakGuard.class)
class WebRtcServerTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CACHED_UNITS = 10;
    private static final int LIVE_UNITS = 40;

    @Test
    void browserReceivesTheCameraOverSrtp() throws Exception {
        AnnexBAccessUnits camera = AnnexBAccessUnits.cameraD1();
        DtlsIdentity browserIdentity = DtlsIdentity.generate("browser", RANDOM);
        CountDownLatch keyframeRequested = new CountDownLatch(1);
        WebRtcServerConfig config = new WebRtcServerConfig("127.0.0.1", 0, List.of("127.0.0.1"), 1228, 2,
                Duration.ofSeconds(20), Duration.ofSeconds(30), 512, "gbgate");
        try (WebRtcServer server = WebRtcServer.start(config);
             StreamHub hub = new StreamHub("camera-1");
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            for (int i = 0; i < CACHED_UNITS; i++) {
                publish(hub, camera, i);
            }
            WebRtcSession session = server.createSession(offerFrom(browserIdentity), hub,
                    new WebRtcStreamInfo(null, false, reason -> keyframeRequested.countDown()));
            String answer = session.answerSdp();
            assertThat(answer).contains("a=candidate:1 1 udp 2130706431 127.0.0.1 " + server.port() + " typ host");
            long videoSsrc = Long.parseLong(attribute(answer, "ssrc").split(" ")[0]);
            DtlsSrtpKeys keys = connect(server, session, browserIdentity, socket);
            awaitCount(hub::sinkCount, 1);
            SrtpUnprotector fromServer = new SrtpUnprotector(keys.serverWrite());
            H264Depacketizer receiver = new H264Depacketizer();
            List<byte[]> firstPackets = new ArrayList<>();
            // the cached GOP arrives on joining the hub; then one live unit at a time, read as it
            // comes, so that the loopback socket's receive buffer never overflows
            for (int expected = CACHED_UNITS; expected <= CACHED_UNITS + LIVE_UNITS; expected++) {
                if (expected > CACHED_UNITS) {
                    publish(hub, camera, expected - 1);
                }
                while (receiver.accessUnits.size() < expected) {
                    byte[] datagram = receive(socket);
                    if (isRtcp(datagram)) {
                        continue;
                    }
                    if (firstPackets.size() < 3) {
                        firstPackets.add(datagram.clone());
                    }
                    ByteBuf packet = Unpooled.wrappedBuffer(datagram);
                    assertThat(fromServer.unprotectRtp(packet)).isEqualTo(SrtpResult.OK);
                    assertThat(packet.getUnsignedInt(8)).isEqualTo(videoSsrc);
                    receiver.accept(packet);
                }
            }
            for (int i = 0; i < CACHED_UNITS + LIVE_UNITS; i++) {
                byte[] original = unitBytes(camera, i);
                assertThat(receiver.accessUnits.get(i)).as("access unit %d", i).usingElementComparator(Arrays::compare)
                        .containsExactlyElementsOf(H264Depacketizer.nalUnits(original, 0, original.length));
            }

            SrtpProtector toServer = new SrtpProtector(keys.clientWrite());
            sendRtcp(socket, toServer, "81ce0002" + "00000001" + String.format("%08x", videoSsrc));
            assertThat(keyframeRequested.await(10, TimeUnit.SECONDS)).as("PLI reached the requester").isTrue();

            int lostSequence = ((firstPackets.get(1)[2] & 0xFF) << 8) | (firstPackets.get(1)[3] & 0xFF);
            sendRtcp(socket, toServer, "81cd0003" + "00000001" + String.format("%08x", videoSsrc)
                    + String.format("%04x", lostSequence) + "0000");
            boolean sawRetransmission = false;
            boolean sawSenderReport = false;
            SrtpUnprotector rtcpFromServer = new SrtpUnprotector(keys.serverWrite());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!(sawRetransmission && sawSenderReport) && System.nanoTime() < deadline) {
                byte[] datagram = receive(socket);
                if (isRtcp(datagram)) {
                    ByteBuf rtcp = Unpooled.wrappedBuffer(datagram);
                    assertThat(rtcpFromServer.unprotectRtcp(rtcp)).isEqualTo(SrtpResult.OK);
                    sawSenderReport |= rtcp.getUnsignedByte(1) == 200 && rtcp.getUnsignedInt(4) == videoSsrc;
                } else {
                    sawRetransmission |= Arrays.equals(datagram, firstPackets.get(1));
                }
            }
            assertThat(sawRetransmission).as("NACKed packet sent again unchanged").isTrue();
            assertThat(sawSenderReport).as("sender report").isTrue();
            assertThat(session.retransmittedPackets()).isEqualTo(1);

            session.close("viewer left");
            assertThat(session.closed()).isCompletedWithValue("viewer left");
            assertThat(hub.sinkCount()).isZero();
            assertThat(server.session(session.id())).isEmpty();
        }
    }

    @Test
    void checksForUnknownSessionsAndWrongPasswordsAreRefused() throws Exception {
        WebRtcServerConfig config = new WebRtcServerConfig("127.0.0.1", 0, List.of(), 1228, 1,
                Duration.ofSeconds(20), Duration.ofSeconds(30), 64, "gbgate");
        try (WebRtcServer server = WebRtcServer.start(config);
             StreamHub hub = new StreamHub("camera-2");
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            WebRtcSession session = server.createSession(SdpOffer.parse(chromiumOffer()), hub);
            String ufrag = attribute(session.answerSdp(), "ice-ufrag");
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            socket.setSoTimeout(10_000);

            send(socket, request(ufrag + ":Wz9k", "not-the-password-at-all"));
            StunMessage refused = StunMessage.decode(Unpooled.wrappedBuffer(receive(socket)));
            assertThat(refused.errorCode()).isEqualTo(401);

            send(socket, request("nobody:Wz9k", "whatever-password-here"));
            send(socket, HexFormat.of().parseHex("17fefd0000000000000000000100"));
            awaitCount(() -> server.counters().unknownUfrag() + server.counters().unknownSender(), 2);
            assertThat(session.state()).isEqualTo(WebRtcSessionState.WAITING_FOR_ICE);
            assertThat(server.counters().rejectedChecks()).isEqualTo(1);
        }
    }

    @Test
    void sessionThatNeverConnectsClosesItselfAndIsForgotten() throws Exception {
        WebRtcServerConfig config = new WebRtcServerConfig("127.0.0.1", 0, List.of(), 1228, 1,
                Duration.ofSeconds(1), Duration.ofSeconds(30), 64, "gbgate");
        try (WebRtcServer server = WebRtcServer.start(config);
             StreamHub hub = new StreamHub("camera-3")) {
            WebRtcSession session = server.createSession(SdpOffer.parse(chromiumOffer()), hub);

            assertThat(session.closed().get(20, TimeUnit.SECONDS)).contains("did not complete");
            assertThat(session.state()).isEqualTo(WebRtcSessionState.CLOSED);
            assertThat(server.sessions()).isEmpty();
            assertThat(hub.sinkCount()).isZero();
        }
    }

    @Test
    void connectedSessionWithoutConsentChecksCloses() throws Exception {
        DtlsIdentity browserIdentity = DtlsIdentity.generate("browser", RANDOM);
        WebRtcServerConfig config = new WebRtcServerConfig("127.0.0.1", 0, List.of(), 1228, 1,
                Duration.ofSeconds(20), Duration.ofSeconds(1), 64, "gbgate");
        try (WebRtcServer server = WebRtcServer.start(config);
             StreamHub hub = new StreamHub("camera-4");
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            WebRtcSession session = server.createSession(offerFrom(browserIdentity), hub);
            connect(server, session, browserIdentity, socket);

            assertThat(session.closed().get(20, TimeUnit.SECONDS)).contains("consent expired");
            assertThat(hub.sinkCount()).isZero();
            assertThat(server.sessions()).isEmpty();
        }
    }

    /** STUN check with USE-CANDIDATE, then the DTLS handshake; returns the SRTP keys. */
    private static DtlsSrtpKeys connect(WebRtcServer server, WebRtcSession session, DtlsIdentity browserIdentity,
                                        DatagramSocket socket) throws Exception {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
        socket.setSoTimeout(10_000);
        connectivityCheck(socket, attribute(session.answerSdp(), "ice-ufrag"), attribute(session.answerSdp(), "ice-pwd"));
        assertThat(session.state()).isEqualTo(WebRtcSessionState.CONNECTING);

        DtlsSrtpClient dtls = new DtlsSrtpClient(new BcTlsCrypto(RANDOM), browserIdentity, server.fingerprint());
        new DTLSClientProtocol().connect(dtls, new UDPTransport(socket, 1200));
        socket.setSoTimeout(10_000); // the DTLS transport changed it
        awaitState(session, WebRtcSessionState.CONNECTED);
        return DtlsSrtpKeys.fromKeyingMaterial(dtls.keyingMaterial());
    }

    static SdpOffer offerFrom(DtlsIdentity browserIdentity) throws Exception {
        return SdpOffer.parse(chromiumOffer().replace(
                "sha-256 3C:4A:AA:2E:6F:63:1D:9B:3F:8C:21:70:D6:30:87:55:45:3E:46:33:8A:16:31:9B:0D:0E:EF:36:59:54:A7:C4",
                browserIdentity.fingerprint().toSdpValue()));
    }

    private static void connectivityCheck(DatagramSocket socket, String ufrag, String pwd) throws Exception {
        byte[] request = request(ufrag + ":Wz9k", pwd);
        send(socket, request);
        StunMessage response = StunMessage.decode(Unpooled.wrappedBuffer(receive(socket)));
        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertThat(response.hasValidIntegrity(pwd.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(response.xorMappedAddress()).isEqualTo(socket.getLocalSocketAddress());
    }

    static byte[] request(String username, String pwd) {
        byte[] transactionId = new byte[12];
        RANDOM.nextBytes(transactionId);
        return new StunMessageBuilder(StunMessageType.BINDING_REQUEST, transactionId)
                .username(username).priority(1853824767L).iceControlling(RANDOM.nextLong()).useCandidate()
                .toBytes(pwd.getBytes(StandardCharsets.UTF_8), true);
    }

    private static void sendRtcp(DatagramSocket socket, SrtpProtector protector, String hex) throws IOException {
        ByteBuf rtcp = Unpooled.buffer().writeBytes(HexFormat.of().parseHex(hex));
        protector.protectRtcp(rtcp);
        send(socket, ByteBufUtil.getBytes(rtcp));
    }

    static void publish(StreamHub hub, AnnexBAccessUnits camera, int index) {
        AccessUnit unit = camera.accessUnit(index, index * AnnexBAccessUnits.FRAME_TICKS, PooledByteBufAllocator.DEFAULT);
        try {
            hub.publish(unit);
        } finally {
            unit.release();
        }
    }

    static byte[] unitBytes(AnnexBAccessUnits camera, int index) {
        AccessUnit unit = camera.accessUnit(index, 0, Unpooled.buffer().alloc());
        try {
            return ByteBufUtil.getBytes(unit.data());
        } finally {
            unit.release();
        }
    }

    private static boolean isRtcp(byte[] datagram) {
        int type = datagram[1] & 0xFF;
        return type >= 192 && type <= 223;
    }

    private static void send(DatagramSocket socket, byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length));
    }

    private static byte[] receive(DatagramSocket socket) throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no datagram from the server within the timeout", e);
        }
        return Arrays.copyOf(buffer, packet.getLength());
    }

    static void awaitState(WebRtcSession session, WebRtcSessionState expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (session.state() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(session.state()).isEqualTo(expected);
    }

    static void awaitCount(java.util.function.LongSupplier counter, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (counter.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(counter.getAsLong()).isEqualTo(expected);
    }

    static String attribute(String sdp, String name) {
        Matcher matcher = Pattern.compile("a=" + name + ":([^\r\n]+)").matcher(sdp);
        assertThat(matcher.find()).as("a=%s in the answer", name).isTrue();
        return matcher.group(1);
    }

    static String chromiumOffer() throws IOException {
        try (InputStream in = WebRtcServerTest.class.getResourceAsStream("sdp/chromium-whep-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
