package io.gbgate.media.webrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** STUN decoding and encoding against the RFC 5769 test vectors. */
class StunMessageTest {
    private static final byte[] VECTOR_PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TRANSACTION_ID = hex("b7e7a701bc34d686fa87dfae");

    /** RFC 5769 section 2.1: sample request. */
    private static final byte[] SAMPLE_REQUEST = hex("""
            000100582112a442b7e7a701bc34d686fa87dfae
            802200105354554e207465737420636c69656e74
            002400046e0001ff80290008932ff9b151263b36
            000600096576746a3a68367659202020
            000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2
            80280004e57a3bcf""");

    /** RFC 5769 section 2.2: sample IPv4 response. */
    private static final byte[] SAMPLE_IPV4_RESPONSE = hex("""
            0101003c2112a442b7e7a701bc34d686fa87dfae
            8022000b7465737420766563746f7220
            002000080001a147e112a643
            000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7
            80280004c07d4c96""");

    /** RFC 5769 section 2.3: sample IPv6 response. */
    private static final byte[] SAMPLE_IPV6_RESPONSE = hex("""
            010100482112a442b7e7a701bc34d686fa87dfae
            8022000b7465737420766563746f7220
            002000140002a1470113a9faa5d3f179bc25f4b5bed2b9d9
            00080014a382954e4be67bf11784c97c8292c275bfe3ed41
            80280004c8fb0b4c""");

    @Test
    void decodesAndVerifiesTheSampleRequest() throws Exception {
        StunMessage request = StunMessage.decode(Unpooled.wrappedBuffer(SAMPLE_REQUEST));

        assertThat(request.type()).isEqualTo(StunMessageType.BINDING_REQUEST);
        assertThat(request.transactionId()).isEqualTo(TRANSACTION_ID);
        assertThat(request.username()).isEqualTo("evtj:h6vY");
        assertThat(request.priority()).hasValue(0x6e0001ffL);
        assertThat(request.iceControlled()).hasValue(0x932ff9b151263b36L);
        assertThat(request.iceControlling()).isEmpty();
        assertThat(request.useCandidate()).isFalse();
        assertThat(request.hasValidIntegrity(VECTOR_PASSWORD)).isTrue();
        assertThat(request.hasValidIntegrity("wrong".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(request.hasValidFingerprint()).isTrue();
        assertThat(request.unknownRequiredAttribute()).isEqualTo(-1);
    }

    @Test
    void decodesAndVerifiesTheSampleResponses() throws Exception {
        StunMessage v4 = StunMessage.decode(Unpooled.wrappedBuffer(SAMPLE_IPV4_RESPONSE));
        assertThat(v4.type()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertThat(v4.xorMappedAddress())
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(v4.hasValidIntegrity(VECTOR_PASSWORD)).isTrue();
        assertThat(v4.hasValidFingerprint()).isTrue();

        StunMessage v6 = StunMessage.decode(Unpooled.wrappedBuffer(SAMPLE_IPV6_RESPONSE));
        assertThat(v6.xorMappedAddress()).isEqualTo(new InetSocketAddress(
                InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
        assertThat(v6.hasValidIntegrity(VECTOR_PASSWORD)).isTrue();
        assertThat(v6.hasValidFingerprint()).isTrue();
    }

    @Test
    void encodesXorMappedAddressAsInTheVector() throws Exception {
        byte[] encoded = new StunMessageBuilder(StunMessageType.BINDING_SUCCESS_RESPONSE, TRANSACTION_ID)
                .xorMappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853))
                .toBytes(null, false);

        assertThat(encoded).isEqualTo(hex("0101000c2112a442b7e7a701bc34d686fa87dfae002000080001a147e112a643"));
    }

    @Test
    void encodedMessageCarriesVerifiableIntegrityAndFingerprint() throws Exception {
        ByteBuf encoded = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TRANSACTION_ID)
                .username("evtj:h6vY")
                .priority(0x6e0001ffL)
                .iceControlling(0x0102030405060708L)
                .useCandidate()
                .encode(Unpooled.buffer().alloc(), VECTOR_PASSWORD, true);
        try {
            StunMessage decoded = StunMessage.decode(encoded);
            assertThat(decoded.username()).isEqualTo("evtj:h6vY");
            assertThat(decoded.priority()).hasValue(0x6e0001ffL);
            assertThat(decoded.iceControlling()).hasValue(0x0102030405060708L);
            assertThat(decoded.useCandidate()).isTrue();
            assertThat(decoded.hasValidIntegrity(VECTOR_PASSWORD)).isTrue();
            assertThat(decoded.hasValidFingerprint()).isTrue();

            encoded.setByte(encoded.readerIndex() + 30, encoded.getByte(encoded.readerIndex() + 30) ^ 1);
            StunMessage tampered = StunMessage.decode(encoded);
            assertThat(tampered.hasValidIntegrity(VECTOR_PASSWORD)).isFalse();
            assertThat(tampered.hasValidFingerprint()).isFalse();
        } finally {
            encoded.release();
        }
    }

    @Test
    void encodesErrorCodeAndReadsItBack() throws Exception {
        byte[] encoded = new StunMessageBuilder(StunMessageType.BINDING_ERROR_RESPONSE, TRANSACTION_ID)
                .errorCode(487, "Role Conflict")
                .toBytes(VECTOR_PASSWORD, true);

        assertThat(StunMessage.decode(Unpooled.wrappedBuffer(encoded)).errorCode()).isEqualTo(487);
    }

    @Test
    void rejectsMalformedMessages() {
        byte[] badLength = SAMPLE_REQUEST.clone();
        badLength[3] = 0x54;
        assertThatThrownBy(() -> StunMessage.decode(Unpooled.wrappedBuffer(badLength)))
                .isInstanceOf(StunFormatException.class).hasMessageContaining("does not match");

        byte[] overrun = SAMPLE_REQUEST.clone();
        overrun[22] = 0x7F; // SOFTWARE length runs past the end
        assertThatThrownBy(() -> StunMessage.decode(Unpooled.wrappedBuffer(overrun)))
                .isInstanceOf(StunFormatException.class).hasMessageContaining("overruns");

        byte[] rtp = hex("80e0000100000000deadbeef00000000000000000000");
        assertThat(StunMessage.isStun(Unpooled.wrappedBuffer(rtp))).isFalse();
        assertThatThrownBy(() -> StunMessage.decode(Unpooled.wrappedBuffer(rtp)))
                .isInstanceOf(StunFormatException.class);
    }

    @Test
    void flagsUnknownComprehensionRequiredAttributes() throws Exception {
        byte[] message = hex("000100082112a442b7e7a701bc34d686fa87dfae" + "7fff000401020304");
        assertThat(StunMessage.decode(Unpooled.wrappedBuffer(message)).unknownRequiredAttribute()).isEqualTo(0x7fff);
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }
}
