package io.gbgate.gateway.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pre-roll buffer keeps whole GOPs covering the window, bounded in bytes, and releases what it drops. */
class PreRollBufferTest {
    private final List<AccessUnit> created = new ArrayList<>();

    @BeforeAll
    static void paranoid() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    /** 25 fps, a keyframe every {@code gop} frames; unit i arrives at i * 40 ms. */
    private AccessUnit unit(int i, int gop, int size) {
        var data = PooledByteBufAllocator.DEFAULT.buffer(size).writeZero(size);
        AccessUnit unit = new AccessUnit(Codec.H264, i * 3600L, i * 3600L, i % gop == 0, data);
        created.add(unit);
        return unit;
    }

    private void feed(PreRollBuffer buffer, int from, int to, int gop, int size) {
        for (int i = from; i < to; i++) {
            AccessUnit unit = unit(i, gop, size);
            buffer.add(unit, i * 40L);
            unit.release(); // the creator's reference; the buffer holds its own
        }
    }

    private void assertAllReleased() {
        assertThat(created).allSatisfy(u -> assertThat(u.data().refCnt()).isZero());
    }

    @Test
    void keepsTheGopsCoveringTheWindowAndStartsAtAKeyframe() {
        try (PreRollBuffer buffer = new PreRollBuffer(3000, 1 << 30)) {
            feed(buffer, 0, 250, 25, 100); // 10 s, 1 s GOPs; last unit arrives at 9960 ms
            // the oldest GOP must start at or before 9960 - 3000 = 6960: the GOP of 6000 ms
            assertThat(buffer.spanMillis()).isEqualTo(9960 - 6000);
            assertThat(buffer.units()).isEqualTo(100);
            assertThat(buffer.bytes()).isEqualTo(100 * 100);

            List<Long> replayed = new ArrayList<>();
            List<Boolean> keyframes = new ArrayList<>();
            long first = buffer.replay(8500, Long.MIN_VALUE, (u, at) -> {
                replayed.add(at);
                keyframes.add(u.keyframe());
            });
            assertThat(first).isEqualTo(8000); // newest keyframe at or before 8500
            assertThat(replayed.get(0)).isEqualTo(8000);
            assertThat(keyframes.get(0)).isTrue();
            assertThat(replayed).hasSize(50).isSorted();

            // asked for more than is kept: everything from the oldest keyframe
            assertThat(buffer.replay(1000, Long.MIN_VALUE, (u, at) -> { })).isEqualTo(6000);
            // what an earlier recording covered (up to 8200 ms) is not replayed again
            assertThat(buffer.replay(6500, 8200, (u, at) -> { })).isEqualTo(9000);
            // everything covered: nothing to replay
            assertThat(buffer.replay(6500, 9960, (u, at) -> { })).isEqualTo(-1);
        }
        assertAllReleased();
    }

    @Test
    void dropsOldestGopsBeyondTheByteBoundAndUnitsBeforeTheFirstKeyframe() {
        try (PreRollBuffer buffer = new PreRollBuffer(60_000, 30_000)) {
            for (int i = 1; i < 10; i++) { // no keyframe yet: nothing to keep
                AccessUnit unit = unit(i, 1000, 100);
                buffer.add(unit, i);
                unit.release();
            }
            assertThat(buffer.units()).isZero();
            feed(buffer, 0, 250, 25, 1000); // 25 kB per GOP, 30 kB bound
            assertThat(buffer.bytes()).isLessThanOrEqualTo(30_000);
            assertThat(buffer.gopsDroppedForSize()).isEqualTo(9);
            long[] first = new long[1];
            buffer.replay(0, Long.MIN_VALUE, (u, at) -> {
                if (first[0] == 0) {
                    first[0] = at;
                    assertThat(u.keyframe()).isTrue();
                }
            });
            assertThat(first[0]).isEqualTo(9000);
        }
        assertAllReleased();
    }

    @Test
    void aSingleGopLargerThanTheBoundIsDroppedAndBufferingResumesAtTheNextKeyframe() {
        try (PreRollBuffer buffer = new PreRollBuffer(60_000, 5_000)) {
            feed(buffer, 0, 30, 25, 1000);
            // the GOP of 0 ms overflowed and went; the GOP of 1000 ms holds 5 units = 5000 bytes
            assertThat(buffer.bytes()).isEqualTo(5000);
            assertThat(buffer.spanMillis()).isEqualTo(29 * 40 - 1000);
        }
        assertAllReleased();
    }
}
