package io.gbgate.media.webrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known-answer tests: RFC 3711 appendix B and the AES_CM_128_HMAC_SHA1_80 packets of libsrtp's test driver. */
class SrtpVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SrtpMasterKey B3_MASTER = new SrtpMasterKey(
            HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139"), HEX.parseHex("0ec675ad498afeebb6960b3aabe6"));

    @Test
    void aesCounterKeystreamMatchesRfc3711B2() {
        AesCounterKeystream keystream = new AesCounterKeystream(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"));
        byte[] iv = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd0000");

        byte[] stream = keystream.keystream(iv, 0xFF02 * 16);

        assertThat(hex(stream, 0, 48)).isEqualTo("e03ead0935c95e80e166b16dd92b4eb4"
                + "d23513162b02d0f72a43a2fe4a5f97ab" + "41e95b3bb0a2e8dd477901e4fca894c0");
        assertThat(hex(stream, 0xFEFF * 16, 48)).isEqualTo("ec8cdf7398607cb0f2d21675ea9ea1e4"
                + "362b7c3c6773516318a077d7fc5073ae" + "6a2cc3787889374fbeb4c81b17ba6c44");
    }

    @Test
    void keyDerivationMatchesRfc3711B3() {
        assertThat(HEX.formatHex(SrtpKeyDerivation.derive(B3_MASTER, SrtpKeyDerivation.LABEL_RTP_ENCRYPTION, 16)))
                .isEqualTo("c61e7a93744f39ee10734afe3ff7a087");
        assertThat(HEX.formatHex(SrtpKeyDerivation.derive(B3_MASTER, SrtpKeyDerivation.LABEL_RTP_SALT, 14)))
                .isEqualTo("30cbbc08863d8c85d49db34a9ae1");
        assertThat(HEX.formatHex(SrtpKeyDerivation.derive(B3_MASTER, SrtpKeyDerivation.LABEL_RTP_AUTHENTICATION, 20)))
                .isEqualTo("cebe321f6ff7716b6fd4ab49af256a156d38baa4");
    }

    @Test
    void protectsRtpLikeLibsrtp() {
        ByteBuf packet = Unpooled.buffer().writeBytes(HEX.parseHex(
                "800f1234decafbadcafebabe" + "abababababababababababababababab"));

        new SrtpProtector(B3_MASTER).protectRtp(packet);

        assertThat(ByteBufUtil.hexDump(packet)).isEqualTo("800f1234decafbadcafebabe"
                + "4e55dc4ce79978d88ca4d215949d2402" + "b78d6acc99ea179b8dbb");
    }

    @Test
    void protectsRtcpLikeLibsrtp() {
        ByteBuf packet = Unpooled.buffer().writeBytes(HEX.parseHex(
                "81c8000bcafebabe" + "abababababababababababababababab"));

        SrtpProtector protector = new SrtpProtector(B3_MASTER);
        // RFC 3711 starts the SRTCP index at 0; libsrtp's vector is its packet with index 1
        protector.protectRtcp(Unpooled.buffer().writeBytes(HEX.parseHex("81c80006cafebabe")));
        protector.protectRtcp(packet);

        assertThat(ByteBufUtil.hexDump(packet)).isEqualTo("81c8000bcafebabe"
                + "7128035be487b9bdbef89041f977a5a8" + "80000001" + "993e08cd54d6c1230798");
    }

    private static String hex(byte[] bytes, int from, int length) {
        return HEX.formatHex(Arrays.copyOfRange(bytes, from, from + length));
    }
}
