package io.gbgate.media.codec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Test helper: locates the shared camera recordings and pulls NAL units out of them. */
public final class CameraTestData {
    private CameraTestData() {
    }

    /** The camera-ps directory; skips the calling test when the shared test data is absent. */
    public static Path cameraPsDirectory() {
        String root = System.getProperty("gbgate.testdata", "../shared/testdata");
        Path dir = Path.of(root, "camera-ps");
        assumeTrue(Files.isDirectory(dir), "camera test data absent: " + dir.toAbsolutePath());
        return dir;
    }

    /**
     * The first H.264 NAL unit of {@code type} in a file holding Annex B data, possibly wrapped in
     * MPEG-PS (whose own start codes end the NAL unit), from its header byte to the next start code.
     */
    public static byte[] firstH264Nal(Path file, int type) throws IOException {
        byte[] data = Files.readAllBytes(file);
        for (int i = 0; i + 3 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && (data[i + 3] & 0x9F) == type) {
                int end = i + 3;
                while (end + 2 < data.length && !(data[end] == 0 && data[end + 1] == 0 && data[end + 2] == 1)) {
                    end++;
                }
                return Arrays.copyOfRange(data, i + 3, end);
            }
        }
        throw new IllegalStateException("no H.264 NAL unit of type " + type + " in " + file);
    }
}
