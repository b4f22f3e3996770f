package io.gbgate.gateway.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.Codec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Keyframe to JPEG with FFmpeg, on the real camera's H.264 and on garbage. */
class KeyframeJpegTest {

    @Test
    void theCamerasFirstKeyframeBecomesAJpegOfItsSize() throws Exception {
        Path file = Path.of(System.getProperty("gbgate.testdata", "../shared/testdata"), "camera-ps",
                "d1-h264-704x576.h264");
        Assumptions.assumeTrue(Files.isRegularFile(file), "camera test data absent: " + file.toAbsolutePath());
        byte[] stream = Files.readAllBytes(file);
        // the elementary stream starts with SPS/PPS and an IDR picture; its first 200 kB hold it whole
        KeyframeJpeg.Picture picture = KeyframeJpeg.encode(Arrays.copyOf(stream, Math.min(stream.length, 200_000)),
                Codec.H264);
        assertThat(picture.width()).isEqualTo(704);
        assertThat(picture.height()).isEqualTo(576);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(picture.jpeg()));
        assertThat(decoded.getWidth()).isEqualTo(704);
        assertThat(decoded.getHeight()).isEqualTo(576);
    }

    @Test
    void garbageAndAudioAreRefusedClearly() {
        byte[] garbage = new byte[4096];
        Arrays.fill(garbage, (byte) 0x5A);
        assertThatThrownBy(() -> KeyframeJpeg.encode(garbage, Codec.H264))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyframe");
        assertThatThrownBy(() -> KeyframeJpeg.encode(garbage, Codec.G711A))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a video codec");
    }
}
