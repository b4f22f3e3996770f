package io.gbgate.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.sip.id.GbDomain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GbSdpCodecTest {

    /** A camera's 200 OK answer to a TCP active offer, as Hikvision-like devices write it (LF line ends). */
    static final String CAMERA_ANSWER = """
            v=0
            o=34020000001320000001 0 0 IN IP4 192.168.1.64
            s=Play
            c=IN IP4 192.168.1.64
            t=0 0
            m=video 15060 TCP/RTP/AVP 96
            a=sendonly
            a=rtpmap:96 PS/90000
            a=setup:passive
            a=connection:new
            a=filesize:0
            y=0200000001
            f=v/2/4/25/1/4096a/1/8/1
            """;

    @Test
    void parsesARealisticCameraAnswer() {
        GbSdp sdp = GbSdpCodec.parse(CAMERA_ANSWER);

        assertThat(sdp.originUser()).isEqualTo("34020000001320000001");
        assertThat(sdp.originAddress()).isEqualTo("192.168.1.64");
        assertThat(sdp.sessionName()).isEqualTo("Play");
        assertThat(sdp.connectionAddress()).isEqualTo("192.168.1.64");
        assertThat(sdp.mediaType()).isEqualTo("video");
        assertThat(sdp.mediaPort()).isEqualTo(15060);
        assertThat(sdp.mediaTransport()).isEqualTo(GbSdp.TCP_RTP_AVP);
        assertThat(sdp.isTcp()).isTrue();
        assertThat(sdp.payloadTypes()).containsExactly(96);
        assertThat(sdp.rtpMaps()).containsExactly(Map.entry(96, "PS/90000"));
        assertThat(sdp.direction()).isEqualTo("sendonly");
        assertThat(sdp.setup()).isEqualTo("passive");
        assertThat(sdp.connection()).isEqualTo("new");
        assertThat(sdp.ssrc()).isEqualTo("0200000001");
        assertThat(sdp.format()).isEqualTo("v/2/4/25/1/4096a/1/8/1");
        assertThat(sdp.attributes()).containsExactly(Map.entry("filesize", "0"));
        assertThat(sdp.startTime()).isZero();
        assertThat(sdp.stopTime()).isZero();
        assertThat(sdp.uri()).isNull();
    }

    @Test
    void crlfAndLfParseAlike() {
        assertThat(GbSdpCodec.parse(CAMERA_ANSWER.replace("\n", "\r\n"))).isEqualTo(GbSdpCodec.parse(CAMERA_ANSWER));
    }

    @Test
    void liveOfferIsWrittenInOrderWithCrlf() {
        Ssrc ssrc = Ssrc.live(GbDomain.of("3402000000"), 1);

        String text = GbSdpCodec.format(GbSdpOffers.live("34020000001320000001", "10.0.0.5", 30000, ssrc,
                GbTransport.TCP_PASSIVE));

        assertThat(text).isEqualTo("v=0\r\n"
                + "o=34020000001320000001 0 0 IN IP4 10.0.0.5\r\n"
                + "s=Play\r\n"
                + "c=IN IP4 10.0.0.5\r\n"
                + "t=0 0\r\n"
                + "m=video 30000 TCP/RTP/AVP 96 98 97\r\n"
                + "a=recvonly\r\n"
                + "a=rtpmap:96 PS/90000\r\n"
                + "a=rtpmap:98 H264/90000\r\n"
                + "a=rtpmap:97 MPEG4/90000\r\n"
                + "a=setup:passive\r\n"
                + "a=connection:new\r\n"
                + "y=0200000001\r\n");
    }

    @Test
    void offersSurviveFormatAndParse() {
        Ssrc live = Ssrc.live(GbDomain.of("3402000000"), 7);
        Ssrc history = Ssrc.history(GbDomain.of("3402000000"), 8);
        List<GbSdp> offers = List.of(
                GbSdpOffers.live("34020000001320000001", "10.0.0.5", 30000, live, GbTransport.UDP),
                GbSdpOffers.live("34020000001320000001", "10.0.0.5", 30002, live, GbTransport.TCP_ACTIVE),
                GbSdpOffers.playback("34020000001320000001", "10.0.0.5", 30004, history, GbTransport.UDP,
                        1_767_225_600L, 1_767_229_200L),
                GbSdp.builder().origin("34020000002000000001", "fe80::1").sessionName("Download")
                        .connectionAddress("fe80::1").media("video", 30006, GbSdp.RTP_AVP).payload(96, "PS/90000")
                        .direction("recvonly").uri("34020000001320000001:0").time(1, 2).ssrc(history.digits())
                        .attribute("downloadspeed", "4").format("v/2/4/25/1/4096a///").build());

        for (GbSdp offer : offers) {
            assertThat(GbSdpCodec.parse(GbSdpCodec.format(offer))).isEqualTo(offer);
        }
    }

    @Test
    void playbackOfferCarriesUriAndTimes() {
        GbSdp offer = GbSdpOffers.playback("34020000001320000001", "10.0.0.5", 30004,
                Ssrc.history(GbDomain.of("3402000000"), 8), GbTransport.UDP, 100, 200);

        assertThat(GbSdpCodec.format(offer)).contains("s=Playback\r\nu=34020000001320000001:0\r\n")
                .contains("t=100 200\r\n").contains("y=1200000008\r\n");
    }

    @Test
    void lenientAboutOrderMissingTimeUnknownLinesAndMediaLevelConnection() {
        GbSdp sdp = GbSdpCodec.parse("""
                y=0200000002
                v=0
                s=Play
                x-vendor=whatever
                garbage line
                m=video 6000 RTP/AVP 96 98
                c=IN IP4 10.1.1.1/127
                a=rtpmap:98 H264/90000
                a=recvonly
                m=audio 6002 RTP/AVP 8
                a=rtpmap:8 PCMA/8000
                """);

        assertThat(sdp.ssrc()).isEqualTo("0200000002");
        assertThat(sdp.startTime()).isZero();
        assertThat(sdp.connectionAddress()).isEqualTo("10.1.1.1");
        assertThat(sdp.originUser()).isEqualTo("-");
        assertThat(sdp.originAddress()).isEqualTo("10.1.1.1");
        assertThat(sdp.payloadTypes()).containsExactly(96, 98);
        assertThat(sdp.rtpMaps()).containsExactly(Map.entry(98, "H264/90000"));
        assertThat(sdp.direction()).isEqualTo("recvonly");
    }

    @Test
    void missingConnectionOrMediaIsAnError() {
        assertThatThrownBy(() -> GbSdpCodec.parse("v=0\r\ns=Play\r\nm=video 6000 RTP/AVP 96\r\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("no c= line");
        assertThatThrownBy(() -> GbSdpCodec.parse("v=0\r\ns=Play\r\nc=IN IP4 1.2.3.4\r\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("no m= line");
        assertThatThrownBy(() -> GbSdpCodec.parse("  \r\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("empty");
    }

    @Test
    void badNumbersAreErrors() {
        String base = "v=0\r\nc=IN IP4 1.2.3.4\r\n";
        assertThatThrownBy(() -> GbSdpCodec.parse(base + "m=video 70000 RTP/AVP 96\r\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("m= port 70000 out of range");
        assertThatThrownBy(() -> GbSdpCodec.parse(base + "m=video port RTP/AVP 96\r\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("m= port is not a number: 'port'");
        assertThatThrownBy(() -> GbSdpCodec.parse(base + "m=video 6000 RTP/AVP 96 PS\r\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("payload type");
        assertThatThrownBy(() -> GbSdpCodec.parse(base + "m=video 6000 RTP/AVP 96\r\nt=now 0\r\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("t= start");
        assertThatThrownBy(() -> GbSdpCodec.parse(base + "m=video 6000 RTP/AVP 96\r\ny=abc\r\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("y= SSRC 'abc'");
        assertThatThrownBy(() -> GbSdpCodec.parse(base + "m=video 6000 RTP/AVP 96\r\na=rtpmap:x PS/90000\r\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("rtpmap payload type");
        assertThatThrownBy(() -> GbSdpCodec.parse("c=IN IP4\r\nm=video 6000 RTP/AVP 96\r\n"))
                .isInstanceOf(SdpException.class).hasMessageContaining("malformed c= line");
    }

    @Test
    void lineBreaksInsideValuesAreRefusedWhenWriting() {
        GbSdp injected = GbSdp.builder().origin("34020000002000000001", "10.0.0.5").connectionAddress("10.0.0.5")
                .media("video", 6000, GbSdp.RTP_AVP).payload(96, "PS/90000").ssrc("0200000001\r\na=evil").build();

        assertThatThrownBy(() -> GbSdpCodec.format(injected))
                .isInstanceOf(SdpException.class).hasMessageContaining("y= line");
    }

    @Test
    void whitespaceInsideStructuredFieldsOrNoPayloadTypesAreRefusedWhenWriting() {
        GbSdp spacedUser = GbSdp.builder().origin("gb gate", "10.0.0.5").connectionAddress("10.0.0.5")
                .media("video", 6000, GbSdp.RTP_AVP).payload(96, "PS/90000").build();
        GbSdp noPayloads = GbSdp.builder().origin("34020000002000000001", "10.0.0.5").connectionAddress("10.0.0.5")
                .media("video", 6000, GbSdp.RTP_AVP).build();

        assertThatThrownBy(() -> GbSdpCodec.format(spacedUser))
                .isInstanceOf(SdpException.class).hasMessageContaining("o= line");
        assertThatThrownBy(() -> GbSdpCodec.format(noPayloads))
                .isInstanceOf(SdpException.class).hasMessageContaining("without payload types");
    }

    @Test
    void emptyAttributeLinesAreIgnored() {
        GbSdp sdp = GbSdpCodec.parse("c=IN IP4 1.2.3.4\r\nm=video 6000 RTP/AVP 96\r\na=\r\na=:x\r\n");

        assertThat(sdp.attributes()).isEmpty();
    }
}
