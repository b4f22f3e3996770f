package io.gbgate.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.Codec;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class H264SpsParserTest {

    @Test
    void parsesTheSpsOfTheD1CameraStream() throws Exception {
        Path file = CameraTestData.cameraPsDirectory().resolve("d1-h264-704x576.h264");
        VideoParameters p = H264SpsParser.parse(CameraTestData.firstH264Nal(file, NalUnits.H264_SPS));
        assertThat(p.codec()).isEqualTo(Codec.H264);
        assertThat(p.width()).isEqualTo(704);
        assertThat(p.height()).isEqualTo(576);
        assertThat(p.profile()).isEqualTo(77); // Main
        assertThat(p.level()).isEqualTo(30);
        assertThat(p.fps()).isEqualTo(25.0); // the README of the recording says 25 fps
    }

    @Test
    void parsesTheCroppedSpsOfTheHikvision1080pStream() throws Exception {
        Path file = CameraTestData.cameraPsDirectory().resolve("hik-h264-1080p-midstream.ps");
        VideoParameters p = H264SpsParser.parse(CameraTestData.firstH264Nal(file, NalUnits.H264_SPS));
        assertThat(p.width()).isEqualTo(1920);
        assertThat(p.height()).isEqualTo(1080); // 1088 coded, 8 lines cropped
        assertThat(p.profile()).isEqualTo(77);
        assertThat(p.level()).isEqualTo(42);
        assertThat(p.fps()).isEqualTo(15.0);
    }

    @Test
    void parsesAPublicBaselineExampleWithStartCodeInFront() {
        // SPS of the mux.js test suite (videojs/mux.js test/test-sps.js), documented there as
        // Baseline, level 3.0, 720x404; contains emulation prevention bytes and VUI timing.
        byte[] sps = {0, 0, 0, 1, 103, 66, (byte) 192, 30, (byte) 217, 0, (byte) 180, 53, (byte) 249,
            (byte) 225, 0, 0, 3, 0, 1, 0, 0, 3, 0, 60, 15, 22, 46, 72};
        VideoParameters p = H264SpsParser.parse(sps);
        assertThat(p).isEqualTo(new VideoParameters(Codec.H264, 720, 404, 66, 30, 30)); // VUI timing 60 / (2 * 1)
    }

    @Test
    void parsesHighProfileInterlacedSpsWithScalingMatricesAndVuiTiming() {
        // High profile, 4:2:0, 8 scaling lists of which three are coded; field coding
        // (frame_mbs_only_flag = 0), 120 x 34 map units = 1920x1088, cropped by 2 units of
        // SubHeightC * 2 = 4 lines at the bottom -> 1080. VUI with an extended SAR, video signal
        // type and timing 50 / (2 * 1) = 25 fps.
        BitWriter w = new BitWriter()
                .bits(100, 8).bits(0, 8).bits(40, 8).ue(0) // profile, constraints, level, sps id
                .ue(1).ue(0).ue(0).flag(false) // chroma_format_idc, bit depths, bypass
                .flag(true) // seq_scaling_matrix_present_flag
                .flag(true).se(-8).flag(false).flag(false).flag(true).se(5).se(-3);
        for (int i = 2; i < 16; i++) {
            w.se(1); // the remaining 14 deltas of list 3
        }
        w.flag(false).flag(false).flag(true); // lists 4, 5 absent; 8x8 list 6 present
        for (int i = 0; i < 64; i++) {
            w.se(i % 2 == 0 ? 2 : -1);
        }
        w.flag(false) // list 7 absent
                .ue(0).ue(0).ue(4) // log2_max_frame_num_minus4, poc type 0, log2_max_poc_lsb_minus4
                .ue(4).flag(false) // max_num_ref_frames, gaps
                .ue(119).ue(33).flag(false).flag(true).flag(true) // size, frame_mbs_only=0, mbaff, direct8x8
                .flag(true).ue(0).ue(0).ue(0).ue(2) // cropping
                .flag(true) // vui_parameters_present_flag
                .flag(true).bits(255, 8).bits(4, 16).bits(3, 16) // extended SAR 4:3
                .flag(false) // overscan
                .flag(true).bits(5, 3).flag(false).flag(true).bits(1, 8).bits(1, 8).bits(1, 8)
                .flag(false) // chroma loc
                .flag(true).bits(1, 32).bits(50, 32).flag(true);
        VideoParameters p = H264SpsParser.parse(w.nal(0x67));
        assertThat(p.width()).isEqualTo(1920);
        assertThat(p.height()).isEqualTo(1080);
        assertThat(p.profile()).isEqualTo(100);
        assertThat(p.level()).isEqualTo(40);
        assertThat(p.fps()).isCloseTo(25.0, Offset.offset(1e-9));
    }

    @Test
    void appliesFourTwoTwoCropUnitsAndPicOrderCountTypeOne() {
        // High 4:2:2 (profile 122): CropUnitX = 2, CropUnitY = 1; 40x23 macroblocks = 640x368,
        // cropped left 3 units (6 px) and bottom 8 lines -> 634x360.
        BitWriter w = new BitWriter()
                .bits(122, 8).bits(0, 8).bits(31, 8).ue(3)
                .ue(2).ue(2).ue(2).flag(false).flag(false) // 4:2:2, 10 bit, no scaling matrix
                .ue(2).ue(1).flag(false).se(-2).se(1).ue(3).se(4).se(-4).se(0) // poc type 1 cycle
                .ue(2).flag(false)
                .ue(39).ue(22).flag(true).flag(true)
                .flag(true).ue(3).ue(0).ue(0).ue(8)
                .flag(false);
        VideoParameters p = H264SpsParser.parse(w.nal(0x67));
        assertThat(p).isEqualTo(new VideoParameters(Codec.H264, 634, 360, 122, 31, 0));
    }

    @Test
    void rejectsOtherNalTypesAndTruncatedSps() {
        assertThatThrownBy(() -> H264SpsParser.parse(new byte[] {0x68, (byte) 0xCE, 0x3C, (byte) 0x80}))
                .isInstanceOf(MalformedBitstreamException.class).hasMessageContaining("not an SPS");
        assertThatThrownBy(() -> H264SpsParser.parse(new byte[] {0x67, 0x4D, 0x00}))
                .isInstanceOf(MalformedBitstreamException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> H264SpsParser.parse(new byte[0]))
                .isInstanceOf(MalformedBitstreamException.class);
    }

    @Test
    void rejectsCroppingThatRemovesThePicture() {
        BitWriter w = new BitWriter().bits(66, 8).bits(0, 8).bits(30, 8).ue(0)
                .ue(0).ue(2).ue(1).flag(false).ue(0).ue(0).flag(true).flag(true)
                .flag(true).ue(4).ue(4).ue(0).ue(0).flag(false); // 16 px wide, 16 px cropped
        assertThatThrownBy(() -> H264SpsParser.parse(w.nal(0x67)))
                .isInstanceOf(MalformedBitstreamException.class).hasMessageContaining("width");
    }
}
