package io.gbgate.media.rtp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real-camera recordings, skipping the calling test when they are absent. */
final class CameraTestData {
    static final long D1_SSRC = 0x05F5ED76L;
    static final int D1_PACKETS = 3096;

    private CameraTestData() {
    }

    static Path cameraFile(String name) {
        String root = System.getProperty("gbgate.testdata", "../shared/testdata");
        Path dir = Path.of(root, "camera-ps");
        assumeTrue(Files.isDirectory(dir), "camera test data absent: " + dir.toAbsolutePath());
        Path file = dir.resolve(name);
        assumeTrue(Files.isRegularFile(file), "camera test file absent: " + file.toAbsolutePath());
        return file;
    }
}
