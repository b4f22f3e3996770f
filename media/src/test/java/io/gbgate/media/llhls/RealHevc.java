package io.gbgate.media.llhls;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.codec.NalUnits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Test helper: a real, decodable H.265 stream (test source, 25 fps, an IDR with VPS/SPS/PPS every
 * 25 frames, no B-frames) made by the ffmpeg CLI with libx265 (the LGPL javacv build has no HEVC
 * encoder), split into access units. Tests skip when the CLI or libx265 is absent.
 */
final class RealHevc {
    private RealHevc() {
    }

    /** {@code frames} access units of {@code width}x{@code height}; the caller releases them. */
    static List<AccessUnit> encode(Path dir, int width, int height, int frames) throws Exception {
        Path out = dir.resolve("real.h265");
        Process ffmpeg;
        try {
            ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi",
                    "-i", "testsrc=size=" + width + "x" + height + ":rate=25", "-frames:v", String.valueOf(frames),
                    "-c:v", "libx265", "-preset", "ultrafast",
                    "-x265-params", "keyint=25:min-keyint=25:bframes=0:scenecut=0:repeat-headers=1:log-level=error",
                    "-f", "hevc", out.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("ffmpeg CLI not installed: " + e.getMessage());
            throw e;
        }
        String log = new String(ffmpeg.getInputStream().readAllBytes());
        Assumptions.assumeTrue(ffmpeg.waitFor(60, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0,
                "ffmpeg could not encode H.265 (libx265 missing?): " + log);
        return split(Files.readAllBytes(out));
    }

    /** Splits Annex B H.265 at the first slice of each picture; parameter sets go with the picture after them. */
    static List<AccessUnit> split(byte[] stream) {
        ByteBuf buf = Unpooled.wrappedBuffer(stream);
        List<int[]> pictures = new ArrayList<>(); // {start, keyframe}
        int pendingPrefix = -1;
        int at = NalUnits.findStartCode(buf, 0, stream.length);
        while (at >= 0) {
            int nalStart = at > 0 && stream[at - 1] == 0 ? at - 1 : at;
            int header = at + 3;
            int type = NalUnits.h265Type(stream[header]);
            if (type < 32) { // VCL
                if ((stream[header + 2] & 0x80) != 0) { // first_slice_segment_in_pic_flag
                    pictures.add(new int[] {pendingPrefix >= 0 ? pendingPrefix : nalStart, type >= 16 && type <= 23 ? 1 : 0});
                }
                pendingPrefix = -1;
            } else if (pendingPrefix < 0) {
                pendingPrefix = nalStart;
            }
            at = NalUnits.findStartCode(buf, header, stream.length);
        }
        List<AccessUnit> units = new ArrayList<>(pictures.size());
        for (int i = 0; i < pictures.size(); i++) {
            int start = i == 0 ? 0 : pictures.get(i)[0];
            int end = i + 1 < pictures.size() ? pictures.get(i + 1)[0] : stream.length;
            long pts = i * 3600L;
            units.add(new AccessUnit(Codec.H265, pts, pts, pictures.get(i)[1] == 1,
                    Unpooled.copiedBuffer(stream, start, end - start)));
        }
        return units;
    }
}
