package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.media.webrtc.dtls.CertificateFingerprint;
import io.gbgate.media.webrtc.srtp.DtlsSrtpKeys;
import io.gbgate.media.webrtc.srtp.SrtpResult;
import io.gbgate.media.webrtc.srtp.SrtpUnprotector;
import io.gbgate.media.webrtc.stun.StunMessage;
import io.gbgate.media.webrtc.stun.StunMessageBuilder;
import io.gbgate.media.webrtc.stun.StunMessageType;
import io.gbgate.sip.stack.SipTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WHEP end to end with a Java browser stand-in: the offer goes over HTTP, then ICE (STUN with
 * USE-CANDIDATE) and DTLS run against the gateway's WebRTC UDP port, or its ICE-TCP port as a
 * browser behind a UDP-blocking network would, SRTP is decrypted, H.264 is depacketized and FFmpeg
 * decodes the simulated camera's pictures.
 */
class WhepMediaTest extends GatewayTestBase {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ACCESS_UNITS = 40;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest(name = "over {0}")
    @EnumSource(WhepTestLink.Kind.class)
    void browserStandInDecodesTheCameraOverWhep(WhepTestLink.Kind transport) throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("whep-media", 320, 240));
        ApiClient.Response played = api().post("/api/channels/" + ids[1] + "/play");
        assertThat(played.status()).as(played.body()).isEqualTo(200);
        JsonNode play = played.json();
        String whep = play.get("whep").asText();

        WhepTestClient.Identity browser = WhepTestClient.Identity.generate();
        String offer = WhepTest.chromiumOffer().replaceFirst("a=fingerprint:[^\r\n]+",
                "a=fingerprint:" + browser.fingerprint().toSdpValue());
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri(whep))
                .header("Content-Type", "application/sdp").POST(HttpRequest.BodyPublishers.ofString(offer))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String answer = created.body();
        String candidateLine = transport == WhepTestLink.Kind.UDP
                ? "a=candidate:\\S+ 1 udp \\d+ 127\\.0\\.0\\.1 (\\d+) typ host\r\n"
                : "a=candidate:\\S+ 1 tcp \\d+ 127\\.0\\.0\\.1 (\\d+) typ host tcptype passive\r\n";
        Matcher candidate = Pattern.compile(candidateLine).matcher(answer);
        assertThat(candidate.find()).as("%s host candidate on 127.0.0.1 in\n%s", transport, answer).isTrue();
        int port = Integer.parseInt(candidate.group(1));
        long videoSsrc = Long.parseLong(attribute(answer, "ssrc").split(" ")[0]);

        try (WhepTestLink link = WhepTestLink.open(transport, port)) {
            connectivityCheck(link, attribute(answer, "ice-ufrag"), attribute(answer, "ice-pwd"));

            WhepTestClient dtls = new WhepTestClient(new BcTlsCrypto(RANDOM), browser,
                    CertificateFingerprint.parse(attribute(answer, "fingerprint")));
            new DTLSClientProtocol().connect(dtls, link);
            DtlsSrtpKeys keys = DtlsSrtpKeys.fromKeyingMaterial(dtls.keyingMaterial.get());

            SrtpUnprotector fromGateway = new SrtpUnprotector(keys.serverWrite());
            RtpH264Receiver receiver = new RtpH264Receiver();
            while (receiver.accessUnits() < ACCESS_UNITS) {
                byte[] datagram = link.receivePacket();
                int type = datagram[1] & 0xFF;
                if (type >= 192 && type <= 223) {
                    continue; // RTCP (sender reports)
                }
                ByteBuf packet = Unpooled.wrappedBuffer(datagram);
                assertThat(fromGateway.unprotectRtp(packet)).isEqualTo(SrtpResult.OK);
                if (packet.getUnsignedInt(8) == videoSsrc) {
                    receiver.accept(packet);
                }
            }
            int[] decoded = decodeH264(receiver.annexB());
            assertThat(decoded[0]).as("decoded pictures").isGreaterThanOrEqualTo(ACCESS_UNITS / 2);
            assertThat(decoded[1]).isEqualTo(320);
            assertThat(decoded[2]).isEqualTo(240);

            // DELETE while the link is still open: over ICE-TCP, closing the connection ends the session itself
            String location = created.headers().firstValue("Location").orElseThrow();
            String token = whep.substring(whep.indexOf("?token="));
            assertThat(http.send(HttpRequest.newBuilder(uri(location + token)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
        }
        assertThat(api().delete("/api/channels/" + ids[1] + "/play").status()).isEqualTo(204);
    }

    private static void connectivityCheck(WhepTestLink link, String ufrag, String pwd) throws Exception {
        byte[] transactionId = new byte[12];
        RANDOM.nextBytes(transactionId);
        String offerUfrag = attribute(WhepTest.chromiumOffer(), "ice-ufrag");
        byte[] request = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, transactionId)
                .username(ufrag + ":" + offerUfrag).priority(1853824767L).iceControlling(RANDOM.nextLong())
                .useCandidate().toBytes(pwd.getBytes(StandardCharsets.UTF_8), true);
        link.sendPacket(request);
        StunMessage response = StunMessage.decode(Unpooled.wrappedBuffer(link.receivePacket()));
        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertThat(response.hasValidIntegrity(pwd.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    /** {pictures, width, height} of an Annex B H.264 stream. */
    private static int[] decodeH264(byte[] annexB) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        int frames = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(annexB), 0)) {
            grabber.setFormat("h264");
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (frame.image != null) {
                    frames++;
                }
            }
            return new int[] {frames, grabber.getImageWidth(), grabber.getImageHeight()};
        }
    }

    private static String attribute(String sdp, String name) {
        Matcher matcher = Pattern.compile("a=" + name + ":([^\r\n]+)").matcher(sdp);
        assertThat(matcher.find()).as("a=%s in\n%s", name, sdp).isTrue();
        return matcher.group(1).trim();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }
}
