package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.webrtc.dtls.CertificateFingerprint;
import io.gbgate.media.webrtc.srtp.DtlsSrtpKeys;
import io.gbgate.media.webrtc.srtp.SrtpResult;
import io.gbgate.media.webrtc.srtp.SrtpUnprotector;
import io.gbgate.media.webrtc.stun.StunMessage;
import io.gbgate.media.webrtc.stun.StunMessageBuilder;
import io.gbgate.media.webrtc.stun.StunMessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.UDPTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The media side of a WHEP browser stand-in (as in {@link WhepMediaTest}): given the gateway's SDP
 * answer, runs the ICE check and DTLS against its UDP port, decrypts SRTP and rebuilds the H.264
 * elementary stream of the video SSRC.
 */
final class WhepH264Viewer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private WhepH264Viewer() {
    }

    /** The Chromium offer (H.264, VP8, VP9, AV1; no H265) with {@code browser}'s fingerprint. */
    static String offer(WhepTestClient.Identity browser) throws Exception {
        return WhepTest.chromiumOffer().replaceFirst("a=fingerprint:[^\r\n]+",
                "a=fingerprint:" + browser.fingerprint().toSdpValue());
    }

    /** Receives {@code accessUnits} H.264 pictures and returns them as Annex B. */
    static byte[] receive(WhepTestClient.Identity browser, String answer, int accessUnits) throws Exception {
        Matcher candidate = Pattern.compile("a=candidate:\\S+ 1 udp \\d+ 127\\.0\\.0\\.1 (\\d+) typ host")
                .matcher(answer);
        assertThat(candidate.find()).as("host candidate on 127.0.0.1 in\n%s", answer).isTrue();
        int port = Integer.parseInt(candidate.group(1));
        long videoSsrc = Long.parseLong(attribute(answer, "ssrc").split(" ")[0]);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setReceiveBufferSize(4 << 20);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.setSoTimeout(10_000);
            connectivityCheck(socket, attribute(answer, "ice-ufrag"), attribute(answer, "ice-pwd"));
            WhepTestClient dtls = new WhepTestClient(new BcTlsCrypto(RANDOM), browser,
                    CertificateFingerprint.parse(attribute(answer, "fingerprint")));
            new DTLSClientProtocol().connect(dtls, new UDPTransport(socket, 1200));
            socket.setSoTimeout(10_000);
            DtlsSrtpKeys keys = DtlsSrtpKeys.fromKeyingMaterial(dtls.keyingMaterial.get());
            SrtpUnprotector fromGateway = new SrtpUnprotector(keys.serverWrite());
            RtpH264Receiver receiver = new RtpH264Receiver();
            while (receiver.accessUnits() < accessUnits) {
                byte[] datagram = receive(socket);
                int type = datagram[1] & 0xFF;
                if (type >= 192 && type <= 223) {
                    continue; // RTCP
                }
                ByteBuf packet = Unpooled.wrappedBuffer(datagram);
                assertThat(fromGateway.unprotectRtp(packet)).isEqualTo(SrtpResult.OK);
                if (packet.getUnsignedInt(8) == videoSsrc) {
                    receiver.accept(packet);
                }
            }
            return receiver.annexB();
        }
    }

    private static void connectivityCheck(DatagramSocket socket, String ufrag, String pwd) throws Exception {
        byte[] transactionId = new byte[12];
        RANDOM.nextBytes(transactionId);
        String offerUfrag = attribute(WhepTest.chromiumOffer(), "ice-ufrag");
        byte[] request = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, transactionId)
                .username(ufrag + ":" + offerUfrag).priority(1853824767L).iceControlling(RANDOM.nextLong())
                .useCandidate().toBytes(pwd.getBytes(StandardCharsets.UTF_8), true);
        socket.send(new DatagramPacket(request, request.length));
        StunMessage response = StunMessage.decode(Unpooled.wrappedBuffer(receive(socket)));
        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
    }

    private static byte[] receive(DatagramSocket socket) throws Exception {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no datagram from the gateway within the timeout", e);
        }
        return Arrays.copyOf(buffer, packet.getLength());
    }

    static String attribute(String sdp, String name) {
        Matcher matcher = Pattern.compile("a=" + name + ":([^\r\n]+)").matcher(sdp);
        assertThat(matcher.find()).as("a=%s in\n%s", name, sdp).isTrue();
        return matcher.group(1).trim();
    }
}
