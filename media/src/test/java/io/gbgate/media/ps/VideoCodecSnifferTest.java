package io.gbgate.media.ps;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.Codec;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VideoCodecSnifferTest {
    private static Codec sniff(String hex) {
        return VideoCodecSniffer.sniff(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex)));
    }

    @Test
    void h264KeyframeWithParameterSets() {
        assertThat(sniff("00000001674d001e9da8" + "0000000168ee3c80" + "0000000106e5013c80" + "0000000165b80000"))
                .isEqualTo(Codec.H264);
    }

    @Test
    void h264PredictedSliceAlone() {
        assertThat(sniff("00000001419a2438")).isEqualTo(Codec.H264);
        assertThat(sniff("000001019a2438")).isEqualTo(Codec.H264);
    }

    @Test
    void h265KeyframeWithParameterSets() {
        assertThat(sniff("0000000140010c01" + "0000000142010101" + "00000001440101c1" + "000000012601af09"))
                .isEqualTo(Codec.H265);
    }

    @Test
    void h265NonReferenceTrailingPicture() {
        assertThat(sniff("000000010001d0")).isEqualTo(Codec.H265);
    }

    @Test
    void ambiguousOrMissingHeadersGiveNoAnswer() {
        // H.265 TRAIL_R (02 01) is also a legal H.264 data partition A header.
        assertThat(sniff("000000010201d0")).isNull();
        assertThat(sniff("")).isNull();
        assertThat(sniff("0102030405")).isNull();
        assertThat(sniff("00000001")).isNull();
    }

    @Test
    void forbiddenBitRulesOutBoth() {
        assertThat(VideoCodecSniffer.isPlausibleH264(0xE0)).isFalse();
        assertThat(VideoCodecSniffer.isPlausibleH265(0xBA, 0x01)).isFalse();
    }
}
