package io.gbgate.media.webrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class H264ProfileLevelIdTest {

    @Test
    void parsesAndFormatsLikeSdp() {
        H264ProfileLevelId id = H264ProfileLevelId.parse("42E01F");
        assertThat(id).isEqualTo(new H264ProfileLevelId(0x42, 0xE0, 0x1F));
        assertThat(id.toSdpValue()).isEqualTo("42e01f");
        assertThatThrownBy(() -> H264ProfileLevelId.parse("42e0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> H264ProfileLevelId.parse("zzzzzz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheSps() {
        byte[] sps = HexFormat.of().parseHex("674d002a95a81e0089f9610000");
        assertThat(H264ProfileLevelId.fromSps(sps)).isEqualTo(new H264ProfileLevelId(0x4d, 0x00, 0x2a));
    }

    @Test
    void matchesOnProfileAndRequiredConstraints() {
        H264ProfileLevelId main = H264ProfileLevelId.parse("4d0028");
        H264ProfileLevelId constrainedBaseline = H264ProfileLevelId.parse("42e01f");
        H264ProfileLevelId baseline = H264ProfileLevelId.parse("42001f");

        assertThat(main.sameProfileAs(H264ProfileLevelId.parse("4d001f"))).isTrue();
        assertThat(main.sameProfileAs(H264ProfileLevelId.parse("64001f"))).isFalse();
        assertThat(constrainedBaseline.sameProfileAs(baseline)).as("constrained stream, plain decoder").isTrue();
        assertThat(baseline.sameProfileAs(constrainedBaseline)).as("decoder wants constraints the stream lacks").isFalse();
    }
}
