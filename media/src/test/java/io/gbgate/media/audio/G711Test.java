package io.gbgate.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The expansion tables against FFmpeg's own G.711 decoders, for all 256 codes. */
class G711Test {

    @Test
    void everyAlawCodeExpandsLikeFfmpegDoes() throws Exception {
        byte[] codes = allCodes();
        short[] ffmpeg = DecodedAudio.of(codes, "alaw", 8000).samples();
        assertThat(ffmpeg).hasSize(codes.length);
        for (int i = 0; i < codes.length; i++) {
            assertThat(G711.alawToLinear(codes[i])).as("A-law code 0x%02X", codes[i] & 0xFF).isEqualTo(ffmpeg[i]);
        }
    }

    @Test
    void everyUlawCodeExpandsLikeFfmpegDoes() throws Exception {
        byte[] codes = allCodes();
        short[] ffmpeg = DecodedAudio.of(codes, "mulaw", 8000).samples();
        assertThat(ffmpeg).hasSize(codes.length);
        for (int i = 0; i < codes.length; i++) {
            assertThat(G711.ulawToLinear(codes[i])).as("µ-law code 0x%02X", codes[i] & 0xFF).isEqualTo(ffmpeg[i]);
        }
    }

    @Test
    void alawCompressionInvertsTheExpansionAndRoundsToTheNearestLevel() {
        for (int code = 0; code < 256; code++) {
            short level = G711.alawToLinear((byte) code);
            assertThat(G711.alawToLinear(G711.linearToAlaw(level))).as("code 0x%02X", code).isEqualTo(level);
        }
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample += 7) {
            short back = G711.alawToLinear(G711.linearToAlaw((short) sample));
            int step = Math.max(16, Math.abs(back) / 16); // half a quantization step of the segment, and some
            assertThat(Math.abs(back - sample)).as("sample %d came back as %d", sample, back).isLessThanOrEqualTo(step);
        }
    }

    private static byte[] allCodes() {
        byte[] codes = new byte[256 * 4];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) i;
        }
        return codes;
    }
}
