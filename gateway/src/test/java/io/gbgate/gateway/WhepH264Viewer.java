package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.webrtc.TestPacketLink;
import io.gbgate.media.webrtc.srtp.DtlsSrtpKeys;
import io.gbgate.media.webrtc.srtp.SrtpResult;
import io.gbgate.media.webrtc.srtp.SrtpUnprotector;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The media side of a WHEP browser stand-in: given the gateway's SDP answer, runs the ICE check and
 * DTLS ({@link WhepTestClient}) over a {@link WhepTestLink}, decrypts SRTP and rebuilds the H.264
 * elementary stream of the video SSRC.
 */
final class WhepH264Viewer {

    private WhepH264Viewer() {
    }

    /** The Chromium offer (H.264, VP8, VP9, AV1; no H265) with {@code browser}'s fingerprint. */
    static String offer(WhepTestClient.Identity browser) throws Exception {
        return WhepTest.chromiumOffer().replaceFirst("a=fingerprint:[^\r\n]+",
                "a=fingerprint:" + browser.fingerprint().toSdpValue());
    }

    /** Receives {@code accessUnits} H.264 pictures over the answer's UDP candidate and returns them as Annex B. */
    static byte[] receive(WhepTestClient.Identity browser, String answer, int accessUnits) throws Exception {
        int port = WhepTestLink.candidatePort(answer, WhepTestLink.Kind.UDP);
        try (TestPacketLink link = WhepTestLink.open(WhepTestLink.Kind.UDP, port)) {
            return receive(browser, offer(browser), answer, link, accessUnits);
        }
    }

    /** Connects over {@code link}, receives {@code accessUnits} H.264 pictures and returns them as Annex B. */
    static byte[] receive(WhepTestClient.Identity browser, String offer, String answer, TestPacketLink link,
                          int accessUnits) throws Exception {
        long videoSsrc = Long.parseLong(WhepTestClient.attribute(answer, "ssrc").split(" ")[0]);
        DtlsSrtpKeys keys = WhepTestClient.connect(browser, offer, answer, link);
        SrtpUnprotector fromGateway = new SrtpUnprotector(keys.serverWrite());
        RtpH264Receiver receiver = new RtpH264Receiver();
        while (receiver.accessUnits() < accessUnits) {
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
        return receiver.annexB();
    }
}
