package io.gbgate.media.bench;

import io.gbgate.media.rtp.Rfc4571;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real camera recording the benchmarks replay: {@code camera-ps/d1-h264-704x576.*} (H.264
 * 704x576, 25 fps) in the directory named by the system property {@value #PROPERTY}, else
 * {@value #DEFAULT_DIRECTORY} relative to the working directory (the repository root when run as
 * documented in BENCHMARKS.md).
 */
final class CameraRecording {
    static final String PROPERTY = "gbgate.testdata";
    static final String DEFAULT_DIRECTORY = "../shared/testdata";
    static final String PS_FILE = "camera-ps/d1-h264-704x576.ps";
    static final String RTP_FILE = "camera-ps/d1-h264-704x576.rtp4571";

    private CameraRecording() {
    }

    /** The whole program stream file in an unpooled heap buffer. */
    static ByteBuf programStream() {
        Path file = locate(PS_FILE);
        try {
            return Unpooled.wrappedBuffer(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every RTP packet of the RFC 4571 file, back to back in one buffer, with their boundaries. */
    static RtpPackets rtpPackets() {
        Path file = locate(RTP_FILE);
        RtpPackets.Builder packets = new RtpPackets.Builder();
        try {
            Rfc4571.readFile(file, ByteBufAllocator.DEFAULT, packet -> {
                try {
                    packets.add(packet);
                } finally {
                    packet.release();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return packets.build();
    }

    private static Path locate(String name) {
        Path directory = Path.of(System.getProperty(PROPERTY, DEFAULT_DIRECTORY)).toAbsolutePath().normalize();
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("camera test data absent: " + file
                    + " (run from the repository root with ../shared/testdata beside it, or pass -D"
                    + PROPERTY + "=<directory holding camera-ps/>)");
        }
        return file;
    }
}
