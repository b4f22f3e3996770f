package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.webrtc.TestPacketLink;
import io.gbgate.media.webrtc.dtls.CertificateFingerprint;
import io.gbgate.media.webrtc.dtls.DtlsIdentity;
import io.gbgate.media.webrtc.dtls.DtlsSrtpClient;
import io.gbgate.media.webrtc.srtp.DtlsSrtpKeys;
import io.gbgate.media.webrtc.stun.StunMessage;
import io.gbgate.media.webrtc.stun.StunMessageBuilder;
import io.gbgate.media.webrtc.stun.StunMessageType;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The Java browser stand-in of the WHEP tests: its own certificate, and, given the gateway's SDP
 * answer, the ICE connectivity check (USE-CANDIDATE) and the DTLS-SRTP handshake
 * ({@link DtlsSrtpClient}) over a {@link TestPacketLink}.
 */
final class WhepTestClient {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The browser's certificate and key. */
    record Identity(DtlsIdentity dtls) {
        static Identity generate() {
            return new Identity(DtlsIdentity.generate("whep-test-browser", RANDOM));
        }

        CertificateFingerprint fingerprint() {
            return dtls.fingerprint();
        }
    }

    private WhepTestClient() {
    }

    /**
     * Checks connectivity to the gateway as the controlling agent of {@code offer}, then runs DTLS
     * against the answer's fingerprint.
     *
     * @return the SRTP keys of the session
     */
    static DtlsSrtpKeys connect(Identity browser, String offer, String answer, TestPacketLink link) throws Exception {
        connectivityCheck(link, attribute(answer, "ice-ufrag") + ":" + attribute(offer, "ice-ufrag"),
                attribute(answer, "ice-pwd").getBytes(StandardCharsets.UTF_8));
        DtlsSrtpClient dtls = new DtlsSrtpClient(new BcTlsCrypto(RANDOM), browser.dtls(),
                CertificateFingerprint.parse(attribute(answer, "fingerprint")));
        new DTLSClientProtocol().connect(dtls, link);
        return DtlsSrtpKeys.fromKeyingMaterial(dtls.keyingMaterial());
    }

    private static void connectivityCheck(TestPacketLink link, String username, byte[] pwd) throws Exception {
        byte[] transactionId = new byte[12];
        RANDOM.nextBytes(transactionId);
        link.sendPacket(new StunMessageBuilder(StunMessageType.BINDING_REQUEST, transactionId)
                .username(username).priority(1853824767L).iceControlling(RANDOM.nextLong())
                .useCandidate().toBytes(pwd, true));
        StunMessage response = StunMessage.decode(Unpooled.wrappedBuffer(link.receivePacket()));
        assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertThat(response.hasValidIntegrity(pwd)).isTrue();
    }

    /** The value of SDP attribute {@code a=name:} (its first occurrence). */
    static String attribute(String sdp, String name) {
        Matcher matcher = Pattern.compile("a=" + name + ":([^\r\n]+)").matcher(sdp);
        assertThat(matcher.find()).as("a=%s in\n%s", name, sdp).isTrue();
        return matcher.group(1).trim();
    }
}
