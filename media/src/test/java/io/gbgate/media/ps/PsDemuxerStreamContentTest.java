package io.gbgate.media.ps;

import static io.gbgate.media.ps.PsTestSupport.cameraFile;
import static io.gbgate.media.ps.PsTestSupport.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.ps.PsTestSupport.DemuxResult;
import io.gbgate.media.ps.PsTestSupport.UnitDigest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stream content variations: PSM wrong or missing, extra packets, parameter sets, G.711A audio. */
@ExtendWith(NettyLeakGuard.class)
class PsDemuxerStreamContentTest {
    private static final int PACKS = 100;

    private final Random random = new Random(4321);
    private List<byte[]> packs;
    private DemuxResult clean;

    @BeforeEach
    void cleanReference() {
        packs = new ArrayList<>(PsTestSupport.splitPacks(cameraFile(PsTestSupport.D1)).subList(0, PACKS));
        clean = PsTestSupport.demuxWhole(concat(packs));
        assertThat(clean.units()).hasSize(PACKS).allSatisfy(u -> assertThat(u.codec()).isEqualTo(Codec.H264));
    }

    @Test
    void psmClaimingH265IsOverruledByTheNalHeaders() {
        DemuxResult result = demux(rewritePackets(packet -> withVideoStreamType(packet, Codec.H265.mpegStreamType())));
        assertThat(result.units()).isEqualTo(clean.units());
        assertThat(result.stats().psmCodecOverrides()).isEqualTo(PACKS);
    }

    @Test
    void psmWithANonVideoTypeOnTheVideoStreamFallsBackToSniffing() {
        DemuxResult result = demux(rewritePackets(packet -> withVideoStreamType(packet, Codec.G711A.mpegStreamType())));
        assertThat(result.units()).isEqualTo(clean.units());
        assertThat(result.stats().psmCodecOverrides()).isZero();
    }

    @Test
    void streamWithoutPsmIsSniffedAsH264() {
        DemuxResult result = demux(rewritePackets(packet -> {
            int id = PsTestSupport.streamId(packet);
            return id == PsStreamIds.PROGRAM_STREAM_MAP || id == PsStreamIds.SYSTEM_HEADER ? null : packet;
        }));
        assertThat(result.units()).isEqualTo(clean.units());
        assertThat(result.stats().psms()).isZero();
        assertThat(result.stats().systemHeaders()).isZero();
    }

    @Test
    void privateStreamAndPaddingPacketsAreSkippedByLength() {
        byte[] fakeStartCodes = {0, 0, 1, (byte) 0xBA, 0x44, 0, 0, 1, (byte) 0xE0, 0x10, 0x00, 0, 0, 1};
        byte[] privateBody = concat(List.of(PsTestSupport.garbage(random, 200), fakeStartCodes));
        byte[] padding = new byte[300];
        Arrays.fill(padding, (byte) 0xFF);
        int[] inserted = {0};
        List<byte[]> rewritten = rewritePackets(packet -> {
            if (!PsStreamIds.isVideo(PsTestSupport.streamId(packet))) {
                return packet;
            }
            inserted[0] += 2;
            return concat(List.of(PsTestSupport.packet(0xBD, privateBody), packet,
                    PsTestSupport.packet(0xBE, padding)));
        });
        DemuxResult result = demux(rewritten);
        assertThat(result.units()).isEqualTo(clean.units());
        assertThat(result.stats().skippedPackets()).isEqualTo(clean.stats().skippedPackets() + inserted[0]);
        assertThat(result.stats().resyncs()).isZero();
    }

    @Test
    void keyframeWithoutParameterSetsGetsTheCachedOnes() {
        int keyframe = 25;
        // The camera sends SPS (with the PTS), PPS, SEI and IDR in separate PES: keep the PTS-carrying
        // header of the SPS PES without payload and drop the PPS PES.
        List<byte[]> packets = new ArrayList<>();
        for (byte[] packet : PsTestSupport.packets(packs.get(keyframe))) {
            boolean video = PsStreamIds.isVideo(PsTestSupport.streamId(packet));
            if (video && startsWithNal(packet, 7)) {
                byte[] headerOnly = Arrays.copyOf(packet, 9 + (packet[8] & 0xFF));
                headerOnly[4] = 0;
                headerOnly[5] = (byte) (headerOnly.length - 6);
                packets.add(headerOnly);
            } else if (!(video && startsWithNal(packet, 8))) {
                packets.add(packet);
            }
        }
        packs.set(keyframe, concat(packets));

        DemuxResult result = demux(packs);
        assertThat(result.units()).isEqualTo(clean.units());
        assertThat(result.stats().parameterSetsPrepended()).isEqualTo(1);
    }

    @Test
    void g711aAudioPesStreamYieldsOneUnitPerPes() {
        byte[] audio = Arrays.copyOf(cameraFile(PsTestSupport.AUDIO), 320 * 100);
        PsMuxer muxer = new PsMuxer(Codec.H264, Codec.G711A);
        List<byte[]> stream = new ArrayList<>();
        long firstPts = clean.units().get(0).pts();
        int audioFrame = 0;
        for (int i = 0; i < PACKS; i++) {
            UnitDigest video = clean.units().get(i);
            stream.add(mux(muxer, Codec.H264, video.pts(), video.keyframe(), clean.capture().videoPayloads.get(i)));
            while (audioFrame < 100 && firstPts + audioFrame * 3600L <= video.pts()) {
                byte[] frame = Arrays.copyOfRange(audio, audioFrame * 320, (audioFrame + 1) * 320);
                stream.add(mux(muxer, Codec.G711A, firstPts + audioFrame * 3600L, true, frame));
                audioFrame++;
            }
        }
        DemuxResult result = demux(stream);

        assertThat(result.capture().video()).isEqualTo(clean.units());
        List<UnitDigest> audioUnits = result.capture().audioUnits();
        assertThat(audioUnits).hasSize(audioFrame).allSatisfy(u -> {
            assertThat(u.codec()).isEqualTo(Codec.G711A);
            assertThat(u.size()).isEqualTo(320);
        });
        for (int i = 0; i < audioUnits.size(); i++) {
            assertThat(audioUnits.get(i).pts()).isEqualTo(firstPts + i * 3600L);
        }
        assertThat(result.capture().audio.toByteArray()).isEqualTo(Arrays.copyOf(audio, audioFrame * 320));
        assertThat(result.stats().audioUnits()).isEqualTo(audioFrame);
    }

    @Test
    void aacPesIsSplitIntoAdtsFrames() {
        byte[] frames = concat(List.of(adts(100), adts(57), adts(300), new byte[] {1, 2, 3, 4, 5}));
        long pts = clean.units().get(0).pts();
        PsMuxer muxer = new PsMuxer(Codec.H264, Codec.AAC);
        byte[] stream = concat(List.of(
                mux(muxer, Codec.H264, pts, true, clean.capture().videoPayloads.get(0)),
                mux(muxer, Codec.AAC, pts, true, frames)));
        DemuxResult result = PsTestSupport.demuxWhole(stream);

        List<UnitDigest> audioUnits = result.capture().audioUnits();
        assertThat(audioUnits).extracting(UnitDigest::size).containsExactly(107, 64, 307);
        assertThat(audioUnits).extracting(UnitDigest::pts).containsExactly(pts, pts + 1920, pts + 3840);
        assertThat(audioUnits).allSatisfy(u -> assertThat(u.codec()).isEqualTo(Codec.AAC));
        assertThat(result.stats().audioBytesDropped()).isEqualTo(5);
    }

    @Test
    void failingConsumerIsCountedAndTheStreamGoesOn() {
        int[] seen = {0};
        try (PsDemuxer demuxer = new PsDemuxer(PooledByteBufAllocator.DEFAULT, unit -> {
            seen[0]++;
            throw new IllegalStateException("consumer bug");
        })) {
            PsTestSupport.feed(demuxer, concat(packs), () -> 1400);
            demuxer.endOfFrame();
            assertThat(seen[0]).isEqualTo(PACKS);
            assertThat(demuxer.stats().consumerFailures()).isEqualTo(PACKS);
            assertThat(demuxer.stats().videoUnits()).isEqualTo(PACKS);
        }
    }

    @Test
    void consumerMayCloseTheDemuxerFromItsCallback() {
        PsDemuxer[] self = new PsDemuxer[1];
        List<Long> seen = new ArrayList<>();
        self[0] = new PsDemuxer(PooledByteBufAllocator.DEFAULT, unit -> {
            seen.add(unit.pts());
            self[0].close();
        });
        PsTestSupport.feed(self[0], concat(packs), () -> Integer.MAX_VALUE);
        assertThat(seen).hasSize(1);
        assertThatThrownBy(() -> self[0].feed(Unpooled.wrappedBuffer(packs.get(0))))
                .isInstanceOf(IllegalStateException.class);
    }

    /** An AAC-LC ADTS frame, 48 kHz stereo, with {@code payloadLength} payload bytes. */
    private static byte[] adts(int payloadLength) {
        int length = 7 + payloadLength;
        byte[] frame = new byte[length];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xF1;
        frame[2] = (byte) (0x40 | 3 << 2);
        frame[3] = (byte) (2 << 6 | (length >> 11) & 0x03);
        frame[4] = (byte) (length >> 3);
        frame[5] = (byte) ((length & 0x07) << 5 | 0x1F);
        frame[6] = (byte) 0xFC;
        Arrays.fill(frame, 7, length, (byte) 0x21);
        return frame;
    }

    private DemuxResult demux(List<byte[]> stream) {
        return PsTestSupport.demux(concat(stream), () -> 1 + random.nextInt(1500));
    }

    /** Applies {@code rewrite} to every packet after a pack header; null removes the packet. */
    private List<byte[]> rewritePackets(UnaryOperator<byte[]> rewrite) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] pack : packs) {
            List<byte[]> packets = PsTestSupport.packets(pack);
            out.add(packets.get(0));
            packets.subList(1, packets.size()).stream().map(rewrite).filter(p -> p != null).forEach(out::add);
        }
        return out;
    }

    /** A copy of a PSM packet with the stream_type of stream 0xE0 replaced; other packets unchanged. */
    private static byte[] withVideoStreamType(byte[] packet, int streamType) {
        if (PsTestSupport.streamId(packet) != PsStreamIds.PROGRAM_STREAM_MAP) {
            return packet;
        }
        byte[] copy = packet.clone();
        int infoLength = (copy[8] & 0xFF) << 8 | (copy[9] & 0xFF);
        int p = 10 + infoLength + 2;
        int mapEnd = p + ((copy[p - 2] & 0xFF) << 8 | (copy[p - 1] & 0xFF));
        while (p + 4 <= mapEnd) {
            if ((copy[p + 1] & 0xFF) == PsStreamIds.VIDEO) {
                copy[p] = (byte) streamType;
            }
            p += 4 + ((copy[p + 2] & 0xFF) << 8 | (copy[p + 3] & 0xFF));
        }
        return copy;
    }

    private static boolean startsWithNal(byte[] pes, int... types) {
        int payload = 9 + (pes[8] & 0xFF);
        for (int i = payload; i + 4 < pes.length; i++) {
            if (pes[i] == 0 && pes[i + 1] == 0 && pes[i + 2] == 1) {
                int type = pes[i + 3] & 0x1F;
                return Arrays.stream(types).anyMatch(t -> t == type);
            }
        }
        return false;
    }

    private static byte[] mux(PsMuxer muxer, Codec codec, long pts, boolean keyframe, byte[] payload) {
        AccessUnit unit = new AccessUnit(codec, pts, pts, keyframe, Unpooled.wrappedBuffer(payload));
        ByteBuf ps = muxer.mux(unit, PooledByteBufAllocator.DEFAULT);
        try {
            return ByteBufUtil.getBytes(ps);
        } finally {
            ps.release();
            unit.release();
        }
    }
}
