package io.gbgate.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.Codec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The bytedeco FFmpeg build has no software HEVC encoder (only GPU ones: nvenc, qsv, vaapi,
 * vulkan), so real SPS come from a public test suite and edge cases from hand-built bitstreams.
 */
class H265SpsParserTest {

    /**
     * SPS published with their dimensions in the go2rtc test suite (AlexxIT/go2rtc,
     * pkg/h265/h265_test.go, TestDecodeSPS and TestDecodeSPS2), base64 as given there.
     */
    private static final String GO2RTC_5120X1440 = "QgEBAWAAAAMAAAMAAAMAAAMAmaAAoAgBaH+KrTuiS7/8AAQABbAgApMuADN/mAE=";
    private static final String GO2RTC_640X360 =
            "QgEBIUAAAAMAkAAAAwAAAwCWoAUCAWlnpbkShc1AQIC4QAAAAwBAAAAFFEn/eEAOpgAV+V8IBBA=";

    @Test
    void parsesPublicMainProfileExamples() {
        VideoParameters wide = H265SpsParser.parse(Base64.getDecoder().decode(GO2RTC_5120X1440));
        assertThat(wide.codec()).isEqualTo(Codec.H265);
        assertThat(wide.width()).isEqualTo(5120);
        assertThat(wide.height()).isEqualTo(1440);
        assertThat(wide.profile()).isEqualTo(1); // Main
        assertThat(wide.level()).isEqualTo(153); // 5.1

        VideoParameters small = H265SpsParser.parse(Base64.getDecoder().decode(GO2RTC_640X360));
        assertThat(small.width()).isEqualTo(640);
        assertThat(small.height()).isEqualTo(360);
        assertThat(small.level()).isEqualTo(150);
        // the timing info sits behind the reference picture sets and VUI fields, so reading a
        // plausible rate shows everything before it was walked correctly
        assertThat(small.fps()).isEqualTo(20.0);
    }

    @Test
    void walksSubLayersScalingListsRpsPredictionAndLongTermPictures() {
        // Two sub-layers with profile and level present, 4:2:0 1920x1088 with a conformance
        // window of 4 chroma rows at the bottom (8 luma lines) -> 1920x1080, scaling list data,
        // PCM, three short-term RPS of which the third is predicted from the second, long-term
        // pictures, then a VUI with default display window and timing 30000/1001.
        BitWriter w = new BitWriter()
                .bits(0, 4).bits(1, 3).flag(true) // vps id, max_sub_layers_minus1 = 1, nesting
                .bits(0, 2).flag(false).bits(2, 5).bits(0x60000000L, 32).bits(0b1001, 4)
                .bits(0, 43).bits(0, 1).bits(123, 8) // Main 10, level 4.1
                .flag(true).flag(true).bits(0, 2 * 7) // sub-layer 0 profile+level present, reserved
                .bits(0x12345678L, 32).bits(0x9ABCDEF0L, 32).bits(0xABCDEF, 24).bits(90, 8)
                .ue(0).ue(1).ue(1920).ue(1088)
                .flag(true).ue(0).ue(0).ue(0).ue(4) // conformance window
                .ue(2).ue(2).ue(4) // bit depths, log2_max_pic_order_cnt_lsb_minus4 -> 8 bits
                .flag(true).ue(4).ue(2).ue(0).ue(4).ue(2).ue(0) // ordering info for both sub-layers
                .ue(0).ue(3).ue(0).ue(3).ue(1).ue(1)
                .flag(true).flag(true); // scaling list enabled, data present
        for (int sizeId = 0; sizeId < 4; sizeId++) {
            for (int matrixId = 0; matrixId < 6; matrixId += sizeId == 3 ? 3 : 1) {
                if (matrixId % 2 == 0) {
                    w.flag(false).ue(matrixId > 0 ? 1 : 0);
                } else {
                    w.flag(true);
                    if (sizeId > 1) {
                        w.se(8);
                    }
                    for (int i = 0; i < Math.min(64, 1 << (4 + (sizeId << 1))); i++) {
                        w.se(i % 3 - 1);
                    }
                }
            }
        }
        w.flag(true).flag(true) // amp, sao
                .flag(true).bits(7, 4).bits(7, 4).ue(0).ue(1).flag(false) // pcm
                .ue(3) // num_short_term_ref_pic_sets
                .ue(1).ue(0).ue(0).flag(true) // set 0: one negative picture
                .flag(false).ue(2).ue(1).ue(0).flag(true).ue(1).flag(false).ue(0).flag(true) // set 1: 2 neg, 1 pos
                .flag(true).flag(false).ue(0) // set 2 predicted from set 1 (3 + 1 entries)
                .flag(true).flag(false).flag(true).flag(false).flag(false).flag(true)
                .flag(true).ue(2).bits(17, 8).flag(true).bits(200, 8).flag(false) // long-term pictures
                .flag(true).flag(true) // temporal mvp, strong intra smoothing
                .flag(true) // vui_parameters_present_flag
                .flag(true).bits(1, 8).flag(false).flag(false).flag(true).ue(0).ue(0)
                .bits(0, 3).flag(true).ue(0).ue(0).ue(0).ue(4) // default display window
                .flag(true).bits(1001, 32).bits(30000, 32).flag(false);
        VideoParameters p = H265SpsParser.parse(w.nal(0x42, 0x01));
        assertThat(p.width()).isEqualTo(1920);
        assertThat(p.height()).isEqualTo(1080);
        assertThat(p.profile()).isEqualTo(2);
        assertThat(p.level()).isEqualTo(123);
        assertThat(p.fps()).isCloseTo(29.97, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void rejectsOtherNalTypesAndTruncatedSps() {
        assertThatThrownBy(() -> H265SpsParser.parse(new byte[] {0x40, 0x01, 0x0C}))
                .isInstanceOf(MalformedBitstreamException.class).hasMessageContaining("not an SPS");
        byte[] sps = Base64.getDecoder().decode(GO2RTC_640X360);
        assertThatThrownBy(() -> H265SpsParser.parse(java.util.Arrays.copyOf(sps, 20)))
                .isInstanceOf(MalformedBitstreamException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> H265SpsParser.parse(new byte[] {0x42}))
                .isInstanceOf(MalformedBitstreamException.class);
    }
}
