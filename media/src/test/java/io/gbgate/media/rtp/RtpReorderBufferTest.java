package io.gbgate.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.rtp.RtpReorderBuffer.Outcome;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakGuard.class)
class RtpReorderBufferTest {

    /** Sequence numbers in delivery order, read back from the payloads (which carry them). */
    private final List<Integer> delivered = new ArrayList<>();
    private final RtpPacketListener recorder = (header, payload, sender) -> {
        assertThat(payload.readableBytes()).isEqualTo(2);
        int fromPayload = payload.getUnsignedShort(payload.readerIndex());
        assertThat(fromPayload).isEqualTo(header.sequence());
        delivered.add(fromPayload);
    };

    @Test
    void inOrderPacketsPassStraightThroughWithoutBeingHeld() {
        try (RtpReorderBuffer buffer = new RtpReorderBuffer(recorder)) {
            for (int seq = 0; seq < 10; seq++) {
                ByteBuf packet = RtpPackets.numbered(1, seq);
                assertThat(buffer.offer(RtpHeader.parse(packet), packet, null)).isEqualTo(Outcome.ACCEPTED);
                assertThat(packet.refCnt()).isEqualTo(1);
                assertThat(packet.readerIndex()).isZero();
                assertThat(packet.writerIndex()).isEqualTo(14);
                packet.release();
            }
            assertThat(buffer.held()).isZero();
        }
        assertThat(delivered).containsExactlyElementsOf(range(0, 10));
    }

    @Test
    void shuffledWindowsComeOutInOrder() {
        // the first packet fixes the start, so it comes first; everything after is shuffled
        List<Integer> sent = new ArrayList<>(List.of(0));
        sent.addAll(shuffledInChunks(range(1, 10_000), 32, new Random(7)));
        try (RtpReorderBuffer buffer = new RtpReorderBuffer(recorder)) {
            offerAll(buffer, sent);
            assertThat(buffer.lost()).isZero();
            assertThat(buffer.duplicates()).isZero();
            assertThat(buffer.held()).isZero();
        }
        assertThat(delivered).containsExactlyElementsOf(range(0, 10_000));
    }

    @Test
    void sequenceNumbersWrapAt65536() {
        List<Integer> expected = IntStream.range(65_400, 65_536 + 200).map(i -> i & 0xFFFF).boxed().toList();
        // start in order so the first packet is 65400, then shuffle the rest across the wrap
        List<Integer> sent = new ArrayList<>(expected.subList(0, 1));
        sent.addAll(shuffledInChunks(expected.subList(1, expected.size()), 16, new Random(3)));
        try (RtpReorderBuffer buffer = new RtpReorderBuffer(recorder, 16)) {
            offerAll(buffer, sent);
            assertThat(buffer.lost()).isZero();
        }
        assertThat(delivered).containsExactlyElementsOf(expected);
    }

    @Test
    void duplicatesOfHeldAndOfDeliveredPacketsAreDroppedAndCounted() {
        try (RtpReorderBuffer buffer = new RtpReorderBuffer(recorder, 8)) {
            assertThat(offer(buffer, 0)).isEqualTo(Outcome.ACCEPTED);
            assertThat(offer(buffer, 1)).isEqualTo(Outcome.ACCEPTED);
            assertThat(offer(buffer, 1)).isEqualTo(Outcome.DUPLICATE);
            assertThat(offer(buffer, 3)).isEqualTo(Outcome.ACCEPTED);
            assertThat(offer(buffer, 3)).isEqualTo(Outcome.DUPLICATE);
            assertThat(offer(buffer, 2)).isEqualTo(Outcome.ACCEPTED);
            assertThat(offer(buffer, 0)).isEqualTo(Outcome.DUPLICATE);
            assertThat(buffer.duplicates()).isEqualTo(3);
            assertThat(buffer.late()).isZero();
        }
        assertThat(delivered).containsExactly(0, 1, 2, 3);
    }

    @Test
    void permanentGapIsSkippedWhenTheWindowIsFullAndCountedAsLoss() {
        try (RtpReorderBuffer buffer = new RtpReorderBuffer(recorder, 8)) {
            offer(buffer, 0);
            for (int seq = 2; seq <= 8; seq++) {
                offer(buffer, seq);
            }
            assertThat(delivered).containsExactly(0);
            assertThat(buffer.held()).isEqualTo(7);
            offer(buffer, 9); // does not fit: seq 1 is given up
            assertThat(delivered).containsExactlyElementsOf(range(0, 10).stream().filter(s -> s != 1).toList());
            assertThat(buffer.lost()).isEqualTo(1);
            assertThat(buffer.held()).isZero();
            assertThat(offer(buffer, 1)).isEqualTo(Outcome.LATE);
            assertThat(buffer.late()).isEqualTo(1);
        }
    }

    @Test
    void jumpFarBeyondTheWindowCountsEverySkippedSequenceNumber() {
        try (RtpReorderBuffer buffer = new RtpReorderBuffer(recorder, 8)) {
            offer(buffer, 0);
            offer(buffer, 2);
            offer(buffer, 100); // 1 and 3..92 are skipped; 100 waits for 93..99
            assertThat(delivered).containsExactly(0, 2);
            assertThat(buffer.lost()).isEqualTo(91);
            for (int seq = 101; seq <= 108; seq++) {
                offer(buffer, seq);
            }
            assertThat(buffer.lost()).isEqualTo(98);
        }
        List<Integer> expected = new ArrayList<>(List.of(0, 2));
        expected.addAll(range(100, 109));
        assertThat(delivered).containsExactlyElementsOf(expected);
    }

    @Test
    void gapIsGivenUpOncePacketsWaitedTheMaximumHoldTime() {
        long ms = 1_000_000L;
        try (RtpReorderBuffer buffer = new RtpReorderBuffer(recorder, 64, 100 * ms)) {
            offerAt(buffer, 0, 0);
            offerAt(buffer, 2, 10 * ms); // waits for 1
            offerAt(buffer, 3, 50 * ms);
            assertThat(delivered).containsExactly(0);
            offerAt(buffer, 5, 109 * ms); // 2 has waited 99 ms: keep waiting
            assertThat(delivered).containsExactly(0);
            offerAt(buffer, 6, 110 * ms); // 100 ms: give up 1, deliver 2 and 3; 5 and 6 now wait for 4
            assertThat(delivered).containsExactly(0, 2, 3);
            assertThat(buffer.lost()).isEqualTo(1);
            offerAt(buffer, 4, 150 * ms); // fills the new gap in time
            assertThat(delivered).containsExactly(0, 2, 3, 4, 5, 6);
            assertThat(offerAt(buffer, 1, 151 * ms)).isEqualTo(Outcome.LATE);
            assertThat(buffer.lost()).isEqualTo(1);
        }
    }

    @Test
    void closeReleasesHeldPackets() {
        List<ByteBuf> packets = new ArrayList<>();
        RtpReorderBuffer buffer = new RtpReorderBuffer(recorder, 8);
        for (int seq : List.of(0, 2, 3)) {
            ByteBuf packet = RtpPackets.numbered(1, seq);
            buffer.offer(RtpHeader.parse(packet), packet, null);
            packets.add(packet);
        }
        assertThat(packets).extracting(ByteBuf::refCnt).containsExactly(1, 2, 2);
        buffer.close();
        assertThat(packets).extracting(ByteBuf::refCnt).containsExactly(1, 1, 1);
        packets.forEach(ByteBuf::release);
        assertThatThrownBy(() -> offer(buffer, 1)).isInstanceOf(IllegalStateException.class);
        assertThat(delivered).containsExactly(0);
    }

    @Test
    void flushDeliversHeldPacketsAcrossGaps() {
        try (RtpReorderBuffer buffer = new RtpReorderBuffer(recorder, 8)) {
            offer(buffer, 10);
            offer(buffer, 12);
            offer(buffer, 15);
            buffer.flush();
            assertThat(buffer.lost()).isEqualTo(3);
            assertThat(offer(buffer, 16)).isEqualTo(Outcome.ACCEPTED);
        }
        assertThat(delivered).containsExactly(10, 12, 15, 16);
    }

    @Test
    void confirmedRestartOfSequenceNumbersResynchronises() {
        try (RtpReorderBuffer buffer = new RtpReorderBuffer(recorder, 8)) {
            offer(buffer, 500);
            offer(buffer, 501);
            assertThat(offer(buffer, 30_000)).isEqualTo(Outcome.STRAY);
            assertThat(offer(buffer, 30_001)).isEqualTo(Outcome.ACCEPTED);
            assertThat(offer(buffer, 30_002)).isEqualTo(Outcome.ACCEPTED);
            assertThat(offer(buffer, 7)).isEqualTo(Outcome.STRAY);
            assertThat(offer(buffer, 30_003)).isEqualTo(Outcome.ACCEPTED);
            assertThat(buffer.resyncs()).isEqualTo(1);
            assertThat(buffer.strays()).isEqualTo(2);
            assertThat(buffer.lost()).isZero();
        }
        assertThat(delivered).containsExactly(500, 501, 30_001, 30_002, 30_003);
    }

    @Test
    void failingListenerIsCountedAndDoesNotStopTheStream() {
        List<Integer> seen = new ArrayList<>();
        RtpPacketListener failing = (header, payload, sender) -> {
            seen.add(header.sequence());
            if (header.sequence() == 1) {
                throw new IllegalStateException("listener bug");
            }
        };
        List<ByteBuf> packets = new ArrayList<>();
        try (RtpReorderBuffer buffer = new RtpReorderBuffer(failing, 8)) {
            for (int seq : List.of(0, 2, 1, 3)) {
                ByteBuf packet = RtpPackets.numbered(1, seq);
                buffer.offer(RtpHeader.parse(packet), packet, null);
                packets.add(packet);
            }
            assertThat(buffer.listenerFailures()).isEqualTo(1);
        }
        assertThat(seen).containsExactly(0, 1, 2, 3);
        assertThat(packets).extracting(ByteBuf::refCnt).containsOnly(1);
        packets.forEach(ByteBuf::release);
    }

    @Test
    void listenerClosingTheBufferDuringASkipLeavesNothingRetained() {
        RtpReorderBuffer[] self = new RtpReorderBuffer[1];
        self[0] = new RtpReorderBuffer((header, payload, sender) -> {
            if (header.sequence() == 2) {
                self[0].close();
            }
        }, 4);
        List<ByteBuf> packets = new ArrayList<>();
        for (int seq : List.of(0, 2, 3, 9)) { // 9 forces a skip that delivers 2, which closes
            ByteBuf packet = RtpPackets.numbered(1, seq);
            self[0].offer(RtpHeader.parse(packet), packet, null);
            packets.add(packet);
        }
        assertThat(self[0].held()).isZero();
        assertThat(packets).extracting(ByteBuf::refCnt).containsOnly(1);
        packets.forEach(ByteBuf::release);
    }

    @Test
    void rejectsUnusableWindow() {
        assertThatThrownBy(() -> new RtpReorderBuffer(recorder, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpReorderBuffer(recorder, 4096)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Outcome offer(RtpReorderBuffer buffer, int seq) {
        ByteBuf packet = RtpPackets.numbered(1, seq);
        try {
            return buffer.offer(RtpHeader.parse(packet), packet, null);
        } finally {
            packet.release();
        }
    }

    private static Outcome offerAt(RtpReorderBuffer buffer, int seq, long arrivalNanos) {
        ByteBuf packet = RtpPackets.numbered(1, seq);
        try {
            return buffer.offer(RtpHeader.parse(packet), packet, null, arrivalNanos);
        } finally {
            packet.release();
        }
    }

    private static void offerAll(RtpReorderBuffer buffer, List<Integer> sequences) {
        for (int seq : sequences) {
            assertThat(offer(buffer, seq)).isEqualTo(Outcome.ACCEPTED);
        }
    }

    /** Shuffles each consecutive chunk of {@code chunk} elements; chunks keep their order. */
    static List<Integer> shuffledInChunks(List<Integer> values, int chunk, Random random) {
        List<Integer> result = new ArrayList<>(values.size());
        for (int from = 0; from < values.size(); from += chunk) {
            List<Integer> part = new ArrayList<>(values.subList(from, Math.min(values.size(), from + chunk)));
            Collections.shuffle(part, random);
            result.addAll(part);
        }
        return result;
    }

    static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
