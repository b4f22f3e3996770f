package io.gbgate.media.webrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.webrtc.dtls.CertificateFingerprint;
import io.gbgate.media.webrtc.ice.IceCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing a Chromium recvonly WHEP offer and answering it. */
class SdpAnswerBuilderTest {
    private static final IceCredentials ICE = new IceCredentials("srvUfrag", "serverPasswordOf24Chars+");
    private static final CertificateFingerprint SERVER_FINGERPRINT = CertificateFingerprint.parse(
            "sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");

    @Test
    void parsesTheChromiumOffer() throws Exception {
        SdpOffer offer = SdpOffer.parse(chromiumOffer());

        assertThat(offer.iceUfrag()).isEqualTo("Wz9k");
        assertThat(offer.icePwd()).isEqualTo("tJ7f3nU0pXh0Yz0mS3Q1c2Ab");
        assertThat(offer.setup()).isEqualTo("actpass");
        assertThat(offer.fingerprint().value()).startsWith("3C:4A:AA");
        assertThat(offer.sections()).extracting(SdpMediaDescription::kind).containsExactly("video", "audio");
        SdpMediaDescription video = offer.sections().get(0);
        assertThat(video.mid()).isEqualTo("0");
        assertThat(video.direction()).isEqualTo("recvonly");
        assertThat(video.rtcpMux()).isTrue();
        assertThat(video.rtcpReducedSize()).isTrue();
        assertThat(video.codecs()).filteredOn(c -> c.is("H264")).extracting(RtpCodec::payloadType)
                .containsExactly(102, 104, 106, 108, 127, 39, 112);
        RtpCodec h264 = video.codecs().stream().filter(c -> c.payloadType() == 106).findFirst().orElseThrow();
        assertThat(h264.parameter("profile-level-id")).isEqualTo("42e01f");
        assertThat(h264.parameter("packetization-mode")).isEqualTo("1");
        assertThat(h264.feedback()).contains("nack", "nack pli", "ccm fir");
        assertThat(offer.sections().get(1).codecs()).extracting(RtpCodec::encodingName).contains("PCMA", "opus");
    }

    @Test
    void answersWithTheMatchingH264ProfileAndPcma() throws Exception {
        WebRtcAnswer answer = SdpAnswerBuilder.answer(SdpOffer.parse(chromiumOffer()),
                parameters(H264ProfileLevelId.parse("4d0028"), true));

        assertThat(answer.video().codec().payloadType()).as("Main profile, packetization-mode 1").isEqualTo(127);
        assertThat(answer.audio().codec().payloadType()).isEqualTo(8);
        assertThat(answer.remoteUfrag()).isEqualTo("Wz9k");
        List<String> lines = Arrays.asList(answer.sdp().split("\r\n"));
        assertThat(answer.sdp()).endsWith("\r\n").doesNotContain("\n\n");
        assertThat(lines).startsWith("v=0").contains(
                "a=group:BUNDLE 0 1", "a=ice-lite",
                "m=video 40000 UDP/TLS/RTP/SAVPF 127", "c=IN IP4 203.0.113.7",
                "a=mid:0", "a=sendonly", "a=setup:passive", "a=rtcp-mux", "a=rtcp-rsize",
                "a=ice-ufrag:srvUfrag", "a=ice-pwd:serverPasswordOf24Chars+",
                "a=fingerprint:" + SERVER_FINGERPRINT.toSdpValue(),
                "a=rtpmap:127 H264/90000", "a=rtcp-fb:127 nack", "a=rtcp-fb:127 nack pli", "a=rtcp-fb:127 ccm fir",
                "a=fmtp:127 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f",
                "a=ssrc:1111 cname:gbgate", "a=ssrc:2222 cname:gbgate",
                "m=audio 40000 UDP/TLS/RTP/SAVPF 8", "a=rtpmap:8 PCMA/8000",
                "a=candidate:1 1 udp 2130706431 203.0.113.7 40000 typ host",
                "a=candidate:2 1 udp 2130706430 127.0.0.1 40000 typ host",
                "a=end-of-candidates");
        assertThat(lines).noneMatch(l -> l.startsWith("a=rtcp-fb:127 goog-remb") || l.startsWith("a=rtcp-fb:127 transport-cc"));
    }

    @Test
    void streamWithoutAudioRejectsTheAudioSection() throws Exception {
        WebRtcAnswer answer = SdpAnswerBuilder.answer(SdpOffer.parse(chromiumOffer()),
                parameters(H264ProfileLevelId.parse("42e01f"), false));

        assertThat(answer.video().codec().payloadType()).isEqualTo(102);
        assertThat(answer.audio()).isNull();
        assertThat(answer.sdp()).contains("a=group:BUNDLE 0\r\n", "m=audio 0 UDP/TLS/RTP/SAVPF 111\r\n");
    }

    @Test
    void unknownStreamProfileTakesTheFirstPacketizationMode1() throws Exception {
        WebRtcAnswer answer = SdpAnswerBuilder.answer(SdpOffer.parse(chromiumOffer()), parameters(null, true));
        assertThat(answer.video().codec().payloadType()).isEqualTo(102);
    }

    @Test
    void refusesOffersThatCannotBeServed() {
        String noH264 = chromiumOffer().replace("H264", "H265").replace("PCMA", "G729");
        assertThatThrownBy(() -> SdpAnswerBuilder.answer(SdpOffer.parse(noH264), parameters(null, true)))
                .isInstanceOf(SdpException.class).hasMessageContaining("H.264");
        String passive = chromiumOffer().replace("a=setup:actpass", "a=setup:passive");
        assertThatThrownBy(() -> SdpAnswerBuilder.answer(SdpOffer.parse(passive), parameters(null, true)))
                .isInstanceOf(SdpException.class).hasMessageContaining("passive");
        assertThatThrownBy(() -> SdpOffer.parse(chromiumOffer().replaceAll("a=fingerprint:[^\r]*\r\n", "")))
                .isInstanceOf(SdpException.class).hasMessageContaining("fingerprint");
        assertThatThrownBy(() -> SdpOffer.parse("hello")).isInstanceOf(SdpException.class);
        assertThatThrownBy(() -> SdpOffer.parse("v=0\r\ns=-\r\n")).isInstanceOf(SdpException.class)
                .hasMessageContaining("m-section");
    }

    private static AnswerParameters parameters(H264ProfileLevelId profile, boolean audio) {
        return new AnswerParameters(ICE, SERVER_FINGERPRINT,
                List.of(HostCandidate.udp("203.0.113.7", 40000, 0), HostCandidate.udp("127.0.0.1", 40000, 1)),
                profile, audio, 1111, 2222, "gbgate");
    }

    static String chromiumOffer() {
        try (InputStream in = SdpAnswerBuilderTest.class.getResourceAsStream("chromium-whep-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
