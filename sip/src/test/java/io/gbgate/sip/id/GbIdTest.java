package io.gbgate.sip.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GbIdTest {

    @Test
    void partsOfACameraId() {
        GbId id = GbId.of("34020000001320000001");

        assertThat(id.centerCode()).isEqualTo("34020000");
        assertThat(id.industryCode()).isEqualTo("00");
        assertThat(id.typeCode()).isEqualTo(132);
        assertThat(id.networkCode()).isZero();
        assertThat(id.serial()).isEqualTo("000001");
        assertThat(id.domain()).isEqualTo(GbDomain.of("3402000000"));
        assertThat(id.type()).contains(GbDeviceType.IPC);
        assertThat(id.isCamera()).isTrue();
        assertThat(id.isFrontEndDevice()).isTrue();
        assertThat(id.isRecorder()).isFalse();
        assertThat(id.isPlatform()).isFalse();
    }

    @Test
    void typeHelpers() {
        assertThat(GbId.of("34020000001310000001").isCamera()).isTrue();
        assertThat(GbId.of("34020000001110000001").isRecorder()).isTrue();
        assertThat(GbId.of("34020000001180000001").isRecorder()).isTrue();
        assertThat(GbId.of("34020000002000000001").isPlatform()).isTrue();
        assertThat(GbId.of("34020000002150000001").isGroup()).isTrue();
        assertThat(GbId.of("34020000002160000001").type()).contains(GbDeviceType.VIRTUAL_ORGANIZATION);
        assertThat(GbId.of("34020000001500000001").type()).isEmpty();
        assertThat(GbId.of("34020000001325000001").networkCode()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3402000000132000000", "340200000013200000011", "3402000000132000000a",
            "34020000001320000 01", "３４０２0000001320000001"})
    void invalidIdsAreRejected(String value) {
        assertThat(GbId.isValid(value)).isFalse();
        assertThatThrownBy(() -> GbId.of(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20 decimal digits");
    }

    @Test
    void domainValidation() {
        assertThat(GbDomain.isValid("3402000000")).isTrue();
        assertThat(GbDomain.of("3402000000").ssrcDigits()).isEqualTo("20000");
        assertThat(GbDomain.isValid("340200000")).isFalse();
        assertThat(GbDomain.isValid("34020000001")).isFalse();
        assertThat(GbDomain.isValid("34020000a0")).isFalse();
        assertThat(GbDomain.isValid(null)).isFalse();
        assertThatThrownBy(() -> GbDomain.of("3402")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 decimal digits");
    }
}
