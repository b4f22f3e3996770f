package io.gbgate.media.hls;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.codec.NalUnits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Test helper: splits an H.264 Annex B elementary stream into access units. A new access unit
 * starts at each VCL NAL whose first_mb_in_slice is 0 (top bit of the first slice header byte
 * set); SPS/PPS/SEI/AUD NAL units attach to the picture that follows them.
 */
public final class AnnexBAccessUnits {
    /** 25 fps in 90 kHz ticks. */
    public static final long FRAME_TICKS = 3_600;
    /** Frames per GOP of the D1 camera file (one IDR per second at 25 fps). */
    public static final int D1_GOP = 25;

    /** Where one access unit lies in the stream. */
    public record Frame(int offset, int length, boolean keyframe) {
    }

    private final byte[] stream;
    private final List<Frame> frames;

    private AnnexBAccessUnits(byte[] stream, List<Frame> frames) {
        this.stream = stream;
        this.frames = List.copyOf(frames);
    }

    /** The D1 camera file, or the test is skipped when the camera data is absent. */
    public static AnnexBAccessUnits cameraD1() throws IOException {
        Path dir = Path.of(System.getProperty("gbgate.testdata", "../shared/testdata"), "camera-ps");
        Assumptions.assumeTrue(Files.isDirectory(dir), "camera test data absent: " + dir);
        return split(Files.readAllBytes(dir.resolve("d1-h264-704x576.h264")));
    }

    public static AnnexBAccessUnits split(byte[] stream) {
        ByteBuf buf = Unpooled.wrappedBuffer(stream);
        List<Frame> frames = new ArrayList<>();
        int frameStart = -1;
        boolean frameKey = false;
        int pendingPrefix = -1; // start of non-VCL NAL units waiting for their picture
        int at = NalUnits.findStartCode(buf, 0, stream.length);
        while (at >= 0) {
            int nalStart = at > 0 && stream[at - 1] == 0 ? at - 1 : at;
            int header = at + 3;
            int type = header < stream.length ? NalUnits.h264Type(stream[header]) : -1;
            if (NalUnits.isH264Vcl(type)) {
                boolean firstSlice = header + 1 < stream.length && (stream[header + 1] & 0x80) != 0;
                if (firstSlice) {
                    int boundary = pendingPrefix >= 0 ? pendingPrefix : nalStart;
                    if (frameStart >= 0) {
                        frames.add(new Frame(frameStart, boundary - frameStart, frameKey));
                    }
                    frameStart = frames.isEmpty() && frameStart < 0 ? 0 : boundary;
                    frameKey = false;
                }
                frameKey |= type == NalUnits.H264_IDR;
                pendingPrefix = -1;
            } else if (pendingPrefix < 0) {
                pendingPrefix = nalStart;
            }
            at = NalUnits.findStartCode(buf, header, stream.length);
        }
        if (frameStart >= 0) {
            frames.add(new Frame(frameStart, stream.length - frameStart, frameKey));
        }
        return new AnnexBAccessUnits(stream, frames);
    }

    public int size() {
        return frames.size();
    }

    public Frame frame(int index) {
        return frames.get(index);
    }

    /** A new access unit (the caller owns it) for frame {@code index} with pts = dts = {@code pts}. */
    public AccessUnit accessUnit(int index, long pts, ByteBufAllocator allocator) {
        Frame frame = frames.get(index);
        ByteBuf data = allocator.buffer(frame.length());
        data.writeBytes(stream, frame.offset(), frame.length());
        return new AccessUnit(Codec.H264, pts, pts, frame.keyframe(), data);
    }
}
