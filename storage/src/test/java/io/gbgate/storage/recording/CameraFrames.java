package io.gbgate.storage.recording;

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
 * Test helper: the D1 camera's H.264 Annex B stream (704x576, 25 fps, one IDR per second) split into access
 * units. A picture starts at a slice with first_mb_in_slice = 0; SPS/PPS/SEI/AUD attach to the picture after them.
 */
public final class CameraFrames {

    /** 25 fps in 90 kHz ticks. */
    public static final long FRAME_TICKS = 3_600;
    /** Frames per GOP of the D1 file. */
    public static final int GOP = 25;

    private record Span(int offset, int length, boolean keyframe) {
    }

    private final byte[] stream;
    private final List<Span> frames;

    private CameraFrames(byte[] stream, List<Span> frames) {
        this.stream = stream;
        this.frames = List.copyOf(frames);
    }

    /** The D1 camera file; the test is skipped when the camera data is absent. */
    public static CameraFrames d1() throws IOException {
        Path dir = Path.of(System.getProperty("gbgate.testdata", "../shared/testdata"), "camera-ps");
        Assumptions.assumeTrue(Files.isDirectory(dir), "camera test data absent: " + dir);
        return split(Files.readAllBytes(dir.resolve("d1-h264-704x576.h264")));
    }

    static CameraFrames split(byte[] stream) {
        ByteBuf buf = Unpooled.wrappedBuffer(stream);
        List<Span> frames = new ArrayList<>();
        int frameStart = -1;
        boolean key = false;
        int pendingPrefix = -1;
        int at = NalUnits.findStartCode(buf, 0, stream.length);
        while (at >= 0) {
            int nalStart = at > 0 && stream[at - 1] == 0 ? at - 1 : at;
            int header = at + 3;
            int type = header < stream.length ? NalUnits.h264Type(stream[header]) : -1;
            if (NalUnits.isH264Vcl(type)) {
                if (header + 1 < stream.length && (stream[header + 1] & 0x80) != 0) {
                    int boundary = pendingPrefix >= 0 ? pendingPrefix : nalStart;
                    if (frameStart >= 0) {
                        frames.add(new Span(frameStart, boundary - frameStart, key));
                    }
                    frameStart = frameStart < 0 ? 0 : boundary;
                    key = false;
                }
                key |= type == NalUnits.H264_IDR;
                pendingPrefix = -1;
            } else if (pendingPrefix < 0) {
                pendingPrefix = nalStart;
            }
            at = NalUnits.findStartCode(buf, header, stream.length);
        }
        if (frameStart >= 0) {
            frames.add(new Span(frameStart, stream.length - frameStart, key));
        }
        return new CameraFrames(stream, frames);
    }

    public int size() {
        return frames.size();
    }

    public boolean keyframe(int index) {
        return frames.get(index).keyframe();
    }

    /** A new access unit (owned by the caller) for frame {@code index} with pts = dts = {@code pts}. */
    public AccessUnit accessUnit(int index, long pts, ByteBufAllocator allocator) {
        Span frame = frames.get(index);
        ByteBuf data = allocator.buffer(frame.length());
        data.writeBytes(stream, frame.offset(), frame.length());
        return new AccessUnit(Codec.H264, pts, pts, frame.keyframe(), data);
    }
}
