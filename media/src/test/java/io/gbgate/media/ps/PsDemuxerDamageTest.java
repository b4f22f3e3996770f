package io.gbgate.media.ps;

import static io.gbgate.media.ps.PsTestSupport.cameraFile;
import static io.gbgate.media.ps.PsTestSupport.concat;
import static io.gbgate.media.ps.PsTestSupport.garbage;
import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.ps.PsTestSupport.Capture;
import io.gbgate.media.ps.PsTestSupport.DemuxResult;
import io.gbgate.media.ps.PsTestSupport.UnitDigest;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Framing damage built from the first 100 packs of the d1 recording; each case states what must survive. */
@ExtendWith(NettyLeakGuard.class)
class PsDemuxerDamageTest {
    private static final int PACKS = 100;

    private final Random random = new Random(1234);
    private List<byte[]> packs;
    private DemuxResult clean;

    @BeforeEach
    void cleanReference() {
        packs = new ArrayList<>(PsTestSupport.splitPacks(cameraFile(PsTestSupport.D1)).subList(0, PACKS));
        clean = PsTestSupport.demuxWhole(concat(packs));
        assertThat(clean.units()).hasSize(PACKS);
        assertThat(clean.stats().resyncs()).isZero();
    }

    @Test
    void garbagePrefixIsSkippedOnce() {
        packs.add(0, garbage(random, 5000));
        DemuxResult result = demuxInChunks(concat(packs));
        assertThat(result.units()).isEqualTo(clean.units());
        assertThat(result.stats().resyncs()).isEqualTo(1);
        assertThat(result.stats().bytesSkipped()).isEqualTo(5000);
    }

    @Test
    void garbageBetweenPacksCostsNoAccessUnit() {
        packs.add(51, garbage(random, 333));
        packs.add(11, garbage(random, 333));
        DemuxResult result = demuxInChunks(concat(packs));
        assertThat(result.units()).isEqualTo(clean.units());
        assertThat(result.stats().resyncs()).isEqualTo(2);
        assertThat(result.stats().bytesSkipped()).isEqualTo(666);
    }

    @Test
    void mpeg1PackHeaderIsSkippedByResync() {
        byte[] mpeg1Pack = {0, 0, 1, (byte) 0xBA, 0x21, 0x00, 0x01, 0x00, 0x01, (byte) 0x80, 0x00, 0x01};
        packs.add(31, mpeg1Pack);
        DemuxResult result = demuxInChunks(concat(packs));
        assertThat(result.units()).isEqualTo(clean.units());
        assertThat(result.stats().resyncs()).isEqualTo(1);
        assertThat(result.stats().bytesSkipped()).isEqualTo(mpeg1Pack.length);
    }

    @Test
    void truncatedPesIsCutAtTheNextPackHeader() {
        int damaged = 20;
        byte[] pack = packs.get(damaged);
        packs.set(damaged, Arrays.copyOf(pack, pack.length - 100));
        DemuxResult result = demuxInChunks(concat(packs));

        assertThat(result.stats().truncatedPes()).isEqualTo(1);
        assertThat(result.stats().resyncs()).isZero();
        assertThat(result.units()).hasSize(PACKS);
        for (int i = 0; i < PACKS; i++) {
            if (i != damaged) {
                assertThat(result.units().get(i)).as("unit %d", i).isEqualTo(clean.units().get(i));
            }
        }
        byte[] expected = clean.capture().videoPayloads.get(damaged);
        assertThat(result.capture().videoPayloads.get(damaged))
                .isEqualTo(Arrays.copyOf(expected, expected.length - 100));
    }

    @Test
    void pesLengthBeyondTheDataWaitsThenRecoversAtTheNextPack() {
        int damaged = 29;
        byte[] pack = packs.get(damaged).clone();
        List<byte[]> packets = PsTestSupport.packets(pack);
        int lastPes = pack.length - packets.get(packets.size() - 1).length;
        pack[lastPes + 4] = (byte) 0xFF;
        pack[lastPes + 5] = (byte) 0xFF;

        Capture capture = new Capture();
        try (PsDemuxer demuxer = new PsDemuxer(PooledByteBufAllocator.DEFAULT, capture)) {
            byte[] head = concat(packs.subList(0, damaged));
            PsTestSupport.feed(demuxer, concat(List.of(head, pack)), () -> 1400);
            demuxer.endOfFrame();
            assertThat(capture.units).isEqualTo(clean.units().subList(0, damaged));
            assertThat(demuxer.stats().truncatedPes()).isZero();

            PsTestSupport.feed(demuxer, packs.get(damaged + 1), () -> 1400);
            demuxer.endOfFrame();
            assertThat(capture.units).isEqualTo(clean.units().subList(0, damaged + 2));
            assertThat(demuxer.stats().truncatedPes()).isEqualTo(1);
            assertThat(demuxer.stats().resyncs()).isZero();
        }
    }

    @Test
    void zeroLengthPesIsSkipped() {
        List<byte[]> packets = new ArrayList<>(PsTestSupport.packets(packs.get(5)));
        packets.add(1, PsTestSupport.packet(0xE0, new byte[0]));
        packs.set(5, concat(packets));
        DemuxResult result = demuxInChunks(concat(packs));
        assertThat(result.units()).isEqualTo(clean.units());
        assertThat(result.stats().emptyPes()).isEqualTo(1);
        assertThat(result.stats().resyncs()).isZero();
    }

    @Test
    void brokenPesHeaderLosesOnlyTheRestOfItsPack() {
        int damaged = 40;
        byte[] pack = packs.get(damaged).clone();
        int packHeader = PsTestSupport.packets(pack).get(0).length;
        pack[packHeader + 6] = 0x00; // '10' marker bits of the PES header gone
        packs.set(damaged, pack);
        DemuxResult result = demuxInChunks(concat(packs));

        List<UnitDigest> expected = new ArrayList<>(clean.units());
        expected.remove(damaged);
        assertThat(result.units()).isEqualTo(expected);
        assertThat(result.stats().resyncs()).isEqualTo(1);
        assertThat(result.stats().bytesSkipped()).isEqualTo(pack.length - packHeader);
    }

    @Test
    void pureGarbageYieldsNothingAndKeepsOnlyATail() {
        byte[] noise = garbage(random, 1 << 20);
        DemuxResult result = demuxInChunks(noise);
        assertThat(result.units()).isEmpty();
        assertThat(result.stats().resyncs()).isEqualTo(1);
        assertThat(result.stats().bytesSkipped()).isGreaterThanOrEqualTo(noise.length - 2);
        assertThat(result.stats().packs()).isZero();
    }

    @Test
    void oversizeAccessUnitsAreDroppedAndCounted() {
        int limit = 20_000;
        DemuxResult result = PsTestSupport.demux(concat(packs), () -> 1400, limit);
        List<UnitDigest> expected = clean.units().stream().filter(u -> u.size() <= limit).toList();
        assertThat(expected).hasSizeLessThan(PACKS);
        assertThat(result.units()).isEqualTo(expected);
        assertThat(result.stats().droppedOversize()).isEqualTo(PACKS - expected.size());
    }

    private DemuxResult demuxInChunks(byte[] ps) {
        return PsTestSupport.demux(ps, () -> 1 + random.nextInt(1500));
    }
}
