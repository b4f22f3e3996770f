package io.gbgate.gateway.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An MPEG-PS recording as a camera sent it, cut into frames without demultiplexing: each frame is
 * the run of packs from one pack whose video PES carries a PTS to the next, so a replay sends the
 * original bytes (garbage, private streams and all) with an RTP marker at the end of each picture.
 * Loaded once and shared by every simulated camera that loops it.
 */
public final class PsFile {
    private static final int PACK_START = 0xBA;
    private static final long DEFAULT_FRAME_TICKS = 3600; // 25 fps

    /** One frame's byte range and its time from the start of the recording (90 kHz). */
    public record Frame(int offset, int length, long ticks) {
    }

    private final Path path;
    private final byte[] bytes;
    private final List<Frame> frames;
    private final long loopTicks;

    private PsFile(Path path, byte[] bytes, List<Frame> frames, long loopTicks) {
        this.path = path;
        this.bytes = bytes;
        this.frames = frames;
        this.loopTicks = loopTicks;
    }

    /** Reads {@code path}; fails when it holds no pack with a timed video PES. */
    public static PsFile load(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        List<Integer> frameStarts = new ArrayList<>();
        List<Long> frameTimes = new ArrayList<>();
        int pack = nextPack(bytes, 0);
        while (pack >= 0) {
            int next = nextPack(bytes, pack + 4);
            int end = next < 0 ? bytes.length : next;
            long pts = firstVideoPts(bytes, pack, end);
            if (pts >= 0) {
                frameStarts.add(frameStarts.isEmpty() ? 0 : pack);
                frameTimes.add(pts);
            }
            pack = next;
        }
        if (frameStarts.isEmpty()) {
            throw new IOException(path + " holds no MPEG-PS pack with a timed video PES");
        }
        List<Frame> frames = new ArrayList<>(frameStarts.size());
        long ticks = 0;
        for (int i = 0; i < frameStarts.size(); i++) {
            int start = frameStarts.get(i);
            int end = i + 1 < frameStarts.size() ? frameStarts.get(i + 1) : bytes.length;
            if (i > 0) {
                long step = frameTimes.get(i) - frameTimes.get(i - 1);
                ticks += step > 0 && step < 90_000 ? step : DEFAULT_FRAME_TICKS; // a jump or wrap: one frame
            }
            frames.add(new Frame(start, end - start, ticks));
        }
        return new PsFile(path, bytes, List.copyOf(frames), ticks + DEFAULT_FRAME_TICKS);
    }

    private static int nextPack(byte[] b, int from) {
        for (int i = from; i + 3 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1 && (b[i + 3] & 0xFF) == PACK_START) {
                return i;
            }
        }
        return -1;
    }

    /** PTS of the first video PES in the pack at {@code pack}, or -1 when it has none. */
    static long firstVideoPts(byte[] b, int pack, int end) {
        if (pack + 14 > end) {
            return -1;
        }
        int pos = pack + 14 + (b[pack + 13] & 0x07);
        while (pos + 6 <= end && b[pos] == 0 && b[pos + 1] == 0 && b[pos + 2] == 1) {
            int id = b[pos + 3] & 0xFF;
            if (id == PACK_START || id == 0xB9) {
                return -1;
            }
            int length = ((b[pos + 4] & 0xFF) << 8) | (b[pos + 5] & 0xFF);
            if (id >= 0xE0 && id <= 0xEF && pos + 14 <= end) {
                boolean hasPts = (b[pos + 7] & 0x80) != 0;
                return hasPts ? pts(b, pos + 9) : -1;
            }
            pos += 6 + length;
        }
        return -1;
    }

    private static long pts(byte[] b, int at) {
        return ((long) (b[at] & 0x0E) << 29) | ((b[at + 1] & 0xFF) << 22) | ((b[at + 2] & 0xFE) << 14)
                | ((b[at + 3] & 0xFF) << 7) | ((b[at + 4] & 0xFE) >> 1);
    }

    public Path path() {
        return path;
    }

    /** The recording's bytes; callers must not modify them. */
    byte[] bytes() {
        return bytes;
    }

    public List<Frame> frames() {
        return frames;
    }

    /** Length of one loop in 90 kHz ticks. */
    public long loopTicks() {
        return loopTicks;
    }
}
