package io.gbgate.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.sip.id.GbDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsrcTest {

    static final GbDomain DOMAIN = GbDomain.of("3402000000");

    @Test
    void liveSsrcLayout() {
        Ssrc ssrc = Ssrc.live(DOMAIN, 42);

        assertThat(ssrc.digits()).isEqualTo("0200000042");
        assertThat(ssrc.isLive()).isTrue();
        assertThat(ssrc.domainDigits()).isEqualTo("20000");
        assertThat(ssrc.sequence()).isEqualTo(42);
        assertThat(ssrc.rtpValue()).isEqualTo(200_000_042L);
    }

    @Test
    void historySsrcLayout() {
        Ssrc ssrc = Ssrc.history(GbDomain.of("4401061234"), 9999);

        assertThat(ssrc.digits()).isEqualTo("1106129999");
        assertThat(ssrc.isLive()).isFalse();
        assertThat(ssrc.rtpValue()).isEqualTo(1_106_129_999L);
    }

    @Test
    void rtpValueRoundTrips() {
        for (Ssrc ssrc : new Ssrc[] {Ssrc.live(DOMAIN, 0), Ssrc.history(DOMAIN, 1), Ssrc.of("1999999999"),
                Ssrc.of("0000000000")}) {
            assertThat(Ssrc.fromRtpValue(ssrc.rtpValue())).isEqualTo(ssrc);
            assertThat(Ssrc.fromRtpHeader(ssrc.rtpHeaderValue())).isEqualTo(ssrc);
        }
    }

    @Test
    void rtpHeaderOfTheCameraCaptureIsALiveGbSsrc() {
        Ssrc ssrc = Ssrc.fromRtpHeader(0x05F5ED76);

        assertThat(ssrc.digits()).isEqualTo("0100003190");
        assertThat(ssrc.isLive()).isTrue();
        assertThat(ssrc.domainDigits()).isEqualTo("10000");
        assertThat(ssrc.sequence()).isEqualTo(3190);
        assertThat(ssrc.rtpHeaderValue()).isEqualTo(0x05F5ED76);
    }

    @Test
    void rtpValuesOutsideTheGbRangeAreRejected() {
        assertThatThrownBy(() -> Ssrc.fromRtpValue(2_000_000_000L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a GB28181 SSRC");
        assertThatThrownBy(() -> Ssrc.fromRtpHeader(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ssrc.fromRtpValue(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "020000004", "02000000421", "020000004a", "2000000000", "9999999999"})
    void malformedDigitsAreRejected(String digits) {
        assertThatThrownBy(() -> Ssrc.of(digits)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SSRC");
    }

    @Test
    void sequenceOutOfRangeIsRejected() {
        assertThatThrownBy(() -> Ssrc.live(DOMAIN, 10_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ssrc.live(DOMAIN, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
