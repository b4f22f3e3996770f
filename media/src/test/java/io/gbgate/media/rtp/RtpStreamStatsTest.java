package io.gbgate.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RtpStreamStatsTest {
    private static final long MS = 1_000_000L;

    private final RtpStreamStats stats = new RtpStreamStats();

    @Test
    void lossIsExpectedMinusReceived() {
        for (int seq : new int[] {0, 1, 2, 5, 6}) {
            record(seq, 0, 0);
        }
        RtpStreamStats.Snapshot snapshot = stats.snapshot();
        assertThat(snapshot.packets()).isEqualTo(5);
        assertThat(snapshot.lost()).isEqualTo(2); // 3 and 4 of 0..6
        assertThat(snapshot.bytes()).isEqualTo(5 * 100);
    }

    @Test
    void lossAcrossSequenceWraparound() {
        for (int seq : new int[] {65_534, 65_535, 1, 2}) {
            record(seq, 0, 0);
        }
        assertThat(stats.snapshot().lost()).isEqualTo(1); // 0 of 65534..2
    }

    @Test
    void reorderedPacketsAreNotLoss() {
        for (int seq : new int[] {0, 2, 1, 3, 5, 4}) {
            record(seq, 0, 0);
        }
        RtpStreamStats.Snapshot snapshot = stats.snapshot();
        assertThat(snapshot.lost()).isZero();
        assertThat(snapshot.reordered()).isEqualTo(2);
        assertThat(snapshot.packets()).isEqualTo(6);
    }

    @Test
    void duplicatesAreCountedApartAndDoNotHideLoss() {
        record(0, 0, 0);
        record(1, 0, 0);
        stats.record(header(1, 0), 0, true);
        record(3, 0, 0);
        RtpStreamStats.Snapshot snapshot = stats.snapshot();
        assertThat(snapshot.duplicates()).isEqualTo(1);
        assertThat(snapshot.packets()).isEqualTo(3);
        assertThat(snapshot.lost()).isEqualTo(1);
    }

    @Test
    void confirmedSequenceRestartKeepsEarlierLossAndStartsAFreshCount() {
        record(100, 0, 0);
        record(102, 0, 0); // 101 lost
        record(40_000, 0, 0); // far jump, not yet believed
        assertThat(stats.snapshot().packets()).isEqualTo(2);
        record(40_001, 0, 0); // confirms the restart
        record(40_003, 0, 0); // 40002 lost
        RtpStreamStats.Snapshot snapshot = stats.snapshot();
        assertThat(snapshot.packets()).isEqualTo(4);
        assertThat(snapshot.lost()).isEqualTo(2);
    }

    @Test
    void jitterFollowsRfc3550WithHandComputedValues() {
        // 40 ms frames (3600 ticks at 90 kHz)
        record(0, 0, 0);
        record(1, 3600, 40 * MS); // on time: D = 0, J = 0
        assertThat(stats.snapshot().jitter()).isCloseTo(0.0, within(1e-6));
        record(2, 7200, 90 * MS); // 50 ms spacing = 4500 ticks: D = 900, J = 900/16 = 56.25
        assertThat(stats.snapshot().jitter()).isCloseTo(56.25, within(1e-6));
        record(3, 10_800, 120 * MS); // 30 ms = 2700 ticks: D = 900, J = 56.25 + (900 - 56.25)/16
        assertThat(stats.snapshot().jitter()).isCloseTo(108.984375, within(1e-6));
        assertThat(stats.snapshot().jitterMillis()).isCloseTo(108.984375 / 90.0, within(1e-9));
    }

    @Test
    void jitterOfPacketsOfOneFrameCountsTheirArrivalSpread() {
        record(0, 0, 0);
        record(1, 0, 2 * MS); // same timestamp, 2 ms later = 180 ticks: J = 180/16 = 11.25
        assertThat(stats.snapshot().jitter()).isCloseTo(11.25, within(1e-6));
    }

    @Test
    void jitterIsUnaffectedByTimestampWraparound() {
        long beforeWrap = 0xFFFF_FF00L;
        record(0, beforeWrap, 0);
        record(1, (beforeWrap + 3600) & 0xFFFF_FFFFL, 40 * MS);
        assertThat(stats.snapshot().jitter()).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void emptyStatsAreZero() {
        assertThat(stats.snapshot()).isEqualTo(new RtpStreamStats.Snapshot(0, 0, 0, 0, 0, 0.0));
    }

    private void record(int seq, long timestamp, long arrivalNanos) {
        stats.record(header(seq, timestamp), arrivalNanos, false);
    }

    private static RtpHeader header(int seq, long timestamp) {
        return new RtpHeader(96, false, seq, timestamp, 0x05F5ED76L, 12, 100);
    }
}
