package io.gbgate.media.webrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.webrtc.stun.StunMessage;
import io.gbgate.media.webrtc.stun.StunMessageBuilder;
import io.gbgate.media.webrtc.stun.StunMessageType;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class IceLiteResponderTest {
    private static final IceCredentials LOCAL = new IceCredentials("srvUfrag", "serverPasswordOf24Chars+");
    private static final String REMOTE_UFRAG = "brws";
    private static final byte[] TX = "0123456789ab".getBytes(StandardCharsets.US_ASCII);
    private final InetSocketAddress browser = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50123);
    private final IceLiteResponder responder = new IceLiteResponder(LOCAL, REMOTE_UFRAG);

    @Test
    void answersAValidCheckWithItsSourceAddress() throws Exception {
        IceCheckOutcome outcome = handle(check("srvUfrag:brws", LOCAL.integrityKey(), false));
        try {
            assertThat(outcome.accepted()).isTrue();
            assertThat(outcome.nominated()).isFalse();
            assertThat(responder.selectedAddress()).isNull();
            StunMessage response = StunMessage.decode(outcome.response());
            assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
            assertThat(response.transactionId()).isEqualTo(TX);
            assertThat(response.xorMappedAddress()).isEqualTo(browser);
            assertThat(response.hasValidIntegrity(LOCAL.integrityKey())).isTrue();
            assertThat(response.hasValidFingerprint()).isTrue();
        } finally {
            outcome.response().release();
        }
    }

    @Test
    void useCandidateSelectsThePair() throws Exception {
        IceCheckOutcome outcome = handle(check("srvUfrag:brws", LOCAL.integrityKey(), true));
        outcome.response().release();

        assertThat(outcome.nominated()).isTrue();
        assertThat(responder.selectedAddress()).isEqualTo(browser);
    }

    @Test
    void wrongUsernameOrPasswordGets401WithoutIntegrity() throws Exception {
        IceCheckOutcome wrongUser = handle(check("srvUfrag:other", LOCAL.integrityKey(), true));
        IceCheckOutcome wrongKey = handle(check("srvUfrag:brws", "nope".getBytes(StandardCharsets.UTF_8), true));
        try {
            for (IceCheckOutcome outcome : new IceCheckOutcome[] {wrongUser, wrongKey}) {
                assertThat(outcome.accepted()).isFalse();
                StunMessage response = StunMessage.decode(outcome.response());
                assertThat(response.type()).isEqualTo(StunMessageType.BINDING_ERROR_RESPONSE);
                assertThat(response.errorCode()).isEqualTo(401);
                assertThat(response.hasIntegrity()).isFalse();
            }
            assertThat(wrongUser.rejection()).contains("srvUfrag:other");
            assertThat(responder.selectedAddress()).isNull();
        } finally {
            wrongUser.response().release();
            wrongKey.response().release();
        }
    }

    @Test
    void checkWithoutIntegrityGets400() throws Exception {
        byte[] request = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TX)
                .username("srvUfrag:brws").toBytes(null, true);
        IceCheckOutcome outcome = handle(request);
        try {
            assertThat(StunMessage.decode(outcome.response()).errorCode()).isEqualTo(400);
        } finally {
            outcome.response().release();
        }
    }

    @Test
    void controlledPeerGetsRoleConflict() throws Exception {
        byte[] request = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TX)
                .username("srvUfrag:brws").iceControlled(7).toBytes(LOCAL.integrityKey(), true);
        IceCheckOutcome outcome = handle(request);
        try {
            StunMessage response = StunMessage.decode(outcome.response());
            assertThat(response.errorCode()).isEqualTo(487);
            assertThat(response.hasValidIntegrity(LOCAL.integrityKey())).isTrue();
        } finally {
            outcome.response().release();
        }
    }

    @Test
    void indicationsAndResponsesAreDroppedSilently() throws Exception {
        IceCheckOutcome indication = handle(new StunMessageBuilder(StunMessageType.BINDING_INDICATION, TX)
                .toBytes(null, true));
        IceCheckOutcome response = handle(new StunMessageBuilder(StunMessageType.BINDING_SUCCESS_RESPONSE, TX)
                .toBytes(null, true));

        assertThat(indication.response()).isNull();
        assertThat(response.response()).isNull();
        assertThat(response.rejection()).contains("0x101");
    }

    @Test
    void credentialsFollowTheIceCharRules() {
        IceCredentials random = IceCredentials.random(new SecureRandom());
        assertThat(random.ufrag()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(random.password()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(IceCredentials.isIceChars(random.ufrag() + random.password())).isTrue();
        assertThat(random.toString()).doesNotContain(random.password());
        assertThatThrownBy(() -> new IceCredentials("ab:c", "serverPasswordOf24Chars+"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IceCredentials("abcd", "short"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] check(String username, byte[] key, boolean useCandidate) {
        StunMessageBuilder builder = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, TX)
                .username(username).priority(1853824767L).iceControlling(0x1122334455667788L);
        if (useCandidate) {
            builder.useCandidate();
        }
        return builder.toBytes(key, true);
    }

    private IceCheckOutcome handle(byte[] request) throws Exception {
        return responder.handle(StunMessage.decode(Unpooled.wrappedBuffer(request)), browser, ByteBufAllocator.DEFAULT);
    }
}
