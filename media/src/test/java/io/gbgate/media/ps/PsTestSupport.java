package io.gbgate.media.ps;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/** Camera test data access and demux helpers shared by the PS tests. */
final class PsTestSupport {
    static final String D1 = "d1-h264-704x576.ps";
    static final String D1_ELEMENTARY = "d1-h264-704x576.h264";
    static final String HIK = "hik-h264-1080p-midstream.ps";
    static final String AUDIO = "gb-audio.g711a";

    private PsTestSupport() {
    }

    static byte[] cameraFile(String name) {
        Path dir = Path.of(System.getProperty("gbgate.testdata", "../shared/testdata")).resolve("camera-ps");
        assumeTrue(Files.isDirectory(dir), "camera test data absent: " + dir.toAbsolutePath());
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An access unit reduced to comparable values: its payload as a SHA-256 digest. */
    record UnitDigest(Codec codec, long pts, long dts, boolean keyframe, int size, String sha256) {
        static UnitDigest of(AccessUnit unit) {
            return new UnitDigest(unit.codec(), unit.pts(), unit.dts(), unit.keyframe(), unit.size(),
                    PsTestSupport.sha256(ByteBufUtil.getBytes(unit.data())));
        }
    }

    /** Records digests of everything a demuxer delivers, plus the concatenated video and audio payloads. */
    static final class Capture implements Consumer<AccessUnit> {
        final List<UnitDigest> units = new ArrayList<>();
        final List<byte[]> videoPayloads = new ArrayList<>();
        final ByteArrayOutputStream video = new ByteArrayOutputStream();
        final ByteArrayOutputStream audio = new ByteArrayOutputStream();

        @Override
        public void accept(AccessUnit unit) {
            units.add(UnitDigest.of(unit));
            byte[] bytes = ByteBufUtil.getBytes(unit.data());
            if (unit.codec().isVideo()) {
                videoPayloads.add(bytes);
                video.writeBytes(bytes);
            } else {
                audio.writeBytes(bytes);
            }
        }

        List<UnitDigest> video() {
            return units.stream().filter(u -> u.codec().isVideo()).toList();
        }

        List<UnitDigest> audioUnits() {
            return units.stream().filter(u -> !u.codec().isVideo()).toList();
        }
    }

    record DemuxResult(Capture capture, PsDemuxStats stats) {
        List<UnitDigest> units() {
            return capture.units;
        }
    }

    /** Demuxes {@code ps} fed in chunks of the sizes {@code chunkSizes} yields, then signals end of frame. */
    static DemuxResult demux(byte[] ps, IntSupplier chunkSizes) {
        return demux(ps, chunkSizes, PsDemuxer.DEFAULT_MAX_ACCESS_UNIT_BYTES);
    }

    static DemuxResult demux(byte[] ps, IntSupplier chunkSizes, int maxUnitBytes) {
        Capture capture = new Capture();
        try (PsDemuxer demuxer = new PsDemuxer(PooledByteBufAllocator.DEFAULT, capture, maxUnitBytes)) {
            feed(demuxer, ps, chunkSizes);
            demuxer.endOfFrame();
            return new DemuxResult(capture, demuxer.stats());
        }
    }

    static DemuxResult demuxWhole(byte[] ps) {
        return demux(ps, () -> ps.length);
    }

    static void feed(PsDemuxer demuxer, byte[] ps, IntSupplier chunkSizes) {
        int offset = 0;
        while (offset < ps.length) {
            int length = Math.min(Math.max(1, chunkSizes.getAsInt()), ps.length - offset);
            ByteBuf chunk = Unpooled.wrappedBuffer(ps, offset, length);
            try {
                demuxer.feed(chunk);
            } finally {
                chunk.release();
            }
            offset += length;
        }
    }

    /** Splits a program stream at its pack start codes (exact for H.264 payloads, which cannot contain them). */
    static List<byte[]> splitPacks(byte[] ps) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 3 < ps.length; i++) {
            if (ps[i] == 0 && ps[i + 1] == 0 && ps[i + 2] == 1 && (ps[i + 3] & 0xFF) == 0xBA) {
                starts.add(i);
            }
        }
        List<byte[]> packs = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : ps.length;
            packs.add(java.util.Arrays.copyOfRange(ps, starts.get(k), end));
        }
        return packs;
    }

    /** Splits one pack into its pack header (with stuffing) and the length-prefixed packets that follow. */
    static List<byte[]> packets(byte[] pack) {
        List<byte[]> packets = new ArrayList<>();
        int headerLength = 14 + (pack[13] & 0x07);
        packets.add(java.util.Arrays.copyOfRange(pack, 0, headerLength));
        int p = headerLength;
        while (p + 6 <= pack.length) {
            int total = 6 + ((pack[p + 4] & 0xFF) << 8 | (pack[p + 5] & 0xFF));
            packets.add(java.util.Arrays.copyOfRange(pack, p, Math.min(pack.length, p + total)));
            p += total;
        }
        return packets;
    }

    /** A length-prefixed packet (private stream, padding, PES without header fields) around {@code body}. */
    static byte[] packet(int streamId, byte[] body) {
        byte[] packet = new byte[6 + body.length];
        packet[2] = 1;
        packet[3] = (byte) streamId;
        packet[4] = (byte) (body.length >> 8);
        packet[5] = (byte) body.length;
        System.arraycopy(body, 0, packet, 6, body.length);
        return packet;
    }

    /** Random bytes from 1 to 255: never a start code, so a demuxer can only skip them. */
    static byte[] garbage(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (1 + random.nextInt(255));
        }
        return bytes;
    }

    static int streamId(byte[] packet) {
        return packet[3] & 0xFF;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
