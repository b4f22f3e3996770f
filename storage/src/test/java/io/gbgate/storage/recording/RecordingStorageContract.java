package io.gbgate.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** Segment index, recording plans and retention on one database variant. */
abstract class RecordingStorageContract {

    static final String CHANNEL = "34020000001310000001";
    static final String OTHER = "34020000001310000002";
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dataDir;

    private TestDatabases.Opened database;
    private TestClock clock;
    private RecordingIndex index;

    abstract TestDatabases.Variant variant();

    @BeforeEach
    void open() {
        database = variant().open();
        clock = new TestClock(T0.plus(Duration.ofDays(1)));
        index = new RecordingIndex(database.dataSource(), clock);
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    /** Indexes a segment of {@code seconds} starting {@code offsetMillis} after T0 and writes its file. */
    private RecordingSegment segment(String channel, long offsetMillis, long seconds, long bytes) throws Exception {
        Instant start = T0.plusMillis(offsetMillis);
        String path = SegmentWriter.relativePath(channel, start.toEpochMilli(), 0);
        Path file = dataDir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[(int) bytes]);
        return index.add(RecordingSegment.of(channel, start, seconds * 1000, path, bytes));
    }

    @Test
    void findSegmentsReturnsTheOverlappingOnesInOrder() throws Exception {
        RecordingSegment second = segment(CHANNEL, 4_000, 4, 10);
        RecordingSegment first = segment(CHANNEL, 0, 4, 10);
        RecordingSegment third = segment(CHANNEL, 8_000, 4, 10);
        segment(OTHER, 4_000, 4, 10);

        assertThat(first.id()).isNotNull();
        assertThat(first.createdAt()).isEqualTo(clock.instant());
        assertThat(first.path()).isEqualTo("recordings/" + CHANNEL + "/2026-11-23/" + T0.toEpochMilli() + ".ts");
        assertThat(index.findSegments(CHANNEL, T0.plusSeconds(3), T0.plusSeconds(9)))
                .containsExactly(first, second, third);
        assertThat(index.findSegments(CHANNEL, T0.plusSeconds(4), T0.plusSeconds(8))).containsExactly(second);
        assertThat(index.findSegments(CHANNEL, T0.plusSeconds(12), T0.plusSeconds(20))).isEmpty();
        assertThatThrownBy(() -> index.findSegments(CHANNEL, T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty or reversed");
    }

    @Test
    void listRangesMergesAdjacentSegmentsAndShowsAGapAsTwoRanges() throws Exception {
        segment(CHANNEL, 0, 4, 10);
        segment(CHANNEL, 4_000, 4, 10);
        segment(CHANNEL, 8_600, 4, 10); // 600 ms hole: within tolerance
        segment(CHANNEL, 30_000, 4, 10); // stream stopped for 17.4 s
        segment(CHANNEL, 34_000, 4, 10);

        List<RecordedRange> ranges = index.listRanges(CHANNEL, T0.minusSeconds(60), T0.plusSeconds(60));
        assertThat(ranges).containsExactly(
                new RecordedRange(CHANNEL, T0, T0.plusMillis(12_600), 3),
                new RecordedRange(CHANNEL, T0.plusSeconds(30), T0.plusSeconds(38), 2));
        assertThat(index.listRanges(CHANNEL, T0.plusSeconds(2), T0.plusSeconds(32)))
                .as("clipped to the window")
                .containsExactly(new RecordedRange(CHANNEL, T0.plusSeconds(2), T0.plusMillis(12_600), 3),
                        new RecordedRange(CHANNEL, T0.plusSeconds(30), T0.plusSeconds(32), 1));
        assertThat(index.listRanges(CHANNEL, T0, T0.plusSeconds(60), Duration.ZERO)).hasSize(3);
    }

    @Test
    void plansRoundTripAndReplaceTheirSchedule() {
        RecordingPlanRepository plans = new RecordingPlanRepository(database.dataSource(), clock);
        RecordingPlan weekdays = RecordingPlan.of(CHANNEL, RecordingMode.SCHEDULE, List.of(
                ScheduleWindow.of(DayOfWeek.TUESDAY, "08:00", "18:00"),
                ScheduleWindow.of(DayOfWeek.MONDAY, "20:00", "24:00"),
                ScheduleWindow.of(DayOfWeek.MONDAY, "08:00", "12:30")), 5, 10);

        RecordingPlan stored = plans.save(weekdays);
        assertThat(stored.updatedAt()).isEqualTo(clock.instant());
        assertThat(stored.schedule()).extracting(w -> w.dayOfWeek() + " " + w.from() + "-" + w.to())
                .containsExactly("MONDAY 08:00-12:30", "MONDAY 20:00-24:00", "TUESDAY 08:00-18:00");
        assertThat(stored.preRollSeconds()).isEqualTo(5);
        assertThat(stored.postRollSeconds()).isEqualTo(10);

        clock.advance(Duration.ofMinutes(1));
        plans.save(RecordingPlan.of(CHANNEL, RecordingMode.ALWAYS, List.of(), 0, 0));
        plans.save(RecordingPlan.of(OTHER, RecordingMode.EVENT, List.of(), 10, 30));
        RecordingPlan replaced = plans.find(CHANNEL).orElseThrow();
        assertThat(replaced.mode()).isEqualTo(RecordingMode.ALWAYS);
        assertThat(replaced.schedule()).isEmpty();
        assertThat(plans.findAll()).extracting(RecordingPlan::channelId).containsExactly(CHANNEL, OTHER);
        assertThat(new JdbcTemplate(database.dataSource())
                .queryForObject("SELECT COUNT(*) FROM recording_schedule_windows", Integer.class)).isZero();

        assertThat(plans.delete(OTHER)).isTrue();
        assertThat(plans.find(OTHER)).isEmpty();
        assertThat(plans.delete(OTHER)).isFalse();
    }

    @Test
    void retentionDeletesByAgeOldestFirstAndKeepsLeasedSegments() throws Exception {
        SegmentLeases leases = new SegmentLeases();
        RecordingSegment oldest = segment(CHANNEL, 0, 4, 100);
        RecordingSegment leased = segment(CHANNEL, 4_000, 4, 100);
        RecordingSegment old = segment(OTHER, 6_000, 4, 100);
        RecordingSegment recent = segment(CHANNEL, 3_600_000, 4, 100);
        clock.advance(Duration.between(clock.instant(), T0.plus(Duration.ofMinutes(90))));
        RetentionJob job = new RetentionJob(dataDir, index, leases, new RetentionPolicy(Duration.ofHours(1),
                Long.MAX_VALUE), clock);

        RetentionReport report;
        try (SegmentLeases.Lease lease = leases.acquire(List.of(leased))) {
            assertThat(lease.segments()).containsExactly(leased);
            report = job.run();
        }
        assertThat(report.deleted()).containsExactly(oldest, old);
        assertThat(report.deletedBytes()).isEqualTo(200);
        assertThat(report.skippedLeased()).isEqualTo(1);
        assertThat(report.bytesRemaining()).isEqualTo(200);
        assertThat(Files.exists(dataDir.resolve(oldest.path()))).isFalse();
        assertThat(Files.exists(dataDir.resolve(old.path()).getParent())).as("empty day directory removed").isFalse();
        assertThat(Files.exists(dataDir.resolve(leased.path()))).isTrue();
        assertThat(index.findSegments(CHANNEL, T0, T0.plus(Duration.ofDays(1)))).containsExactly(leased, recent);

        assertThat(leases.isLeased(leased.id())).isFalse();
        RetentionReport second = job.run();
        assertThat(second.deleted()).containsExactly(leased);
        assertThat(second.skippedLeased()).isZero();
    }

    @Test
    void retentionEnforcesTheQuotaOldestFirst() throws Exception {
        SegmentLeases leases = new SegmentLeases();
        RecordingSegment a = segment(CHANNEL, 0, 4, 300);
        RecordingSegment b = segment(OTHER, 1_000, 4, 300);
        RecordingSegment c = segment(CHANNEL, 4_000, 4, 300);
        RecordingSegment d = segment(CHANNEL, 8_000, 4, 300);
        RetentionJob job = new RetentionJob(dataDir, index, leases, new RetentionPolicy(Duration.ofDays(30), 700),
                clock);

        RetentionReport report;
        try (SegmentLeases.Lease lease = leases.acquire(List.of(a))) {
            report = job.run();
        }
        assertThat(report.deleted()).as("a is leased: b and c go instead").containsExactly(b, c);
        assertThat(report.skippedLeased()).isEqualTo(1);
        assertThat(report.bytesRemaining()).isEqualTo(600);
        assertThat(report.overQuota()).isFalse();
        assertThat(index.totalBytes()).isEqualTo(600);
        assertThat(index.findSegments(CHANNEL, T0, T0.plusSeconds(60))).containsExactly(a, d);
    }

    @Test
    void aDeletionInterruptedByACrashIsFinishedAndHiddenMeanwhile() throws Exception {
        RecordingSegment doomed = segment(CHANNEL, 0, 4, 100);
        RecordingSegment kept = segment(CHANNEL, 4_000, 4, 100);
        assertThat(index.markDeleting(doomed.id())).isTrue(); // then the process died

        assertThat(index.findSegments(CHANNEL, T0, T0.plusSeconds(60))).containsExactly(kept);
        RetentionReport report = new RetentionJob(dataDir, index, new SegmentLeases(),
                new RetentionPolicy(Duration.ofDays(30), Long.MAX_VALUE), clock).run();

        assertThat(report.deleted()).isEmpty();
        assertThat(Files.exists(dataDir.resolve(doomed.path()))).isFalse();
        assertThat(index.findMarkedDeleting()).isEmpty();
        assertThat(Files.exists(dataDir.resolve(kept.path()))).isTrue();
    }

    @Test
    void aSegmentClaimedForDeletionCannotBeLeased() throws Exception {
        SegmentLeases leases = new SegmentLeases();
        RecordingSegment segment = segment(CHANNEL, 0, 4, 100);
        assertThat(leases.claimForDeletion(segment.id())).isTrue();
        assertThat(leases.acquire(List.of(segment)).segments()).isEmpty();
        leases.endDeletion(segment.id());
        try (SegmentLeases.Lease lease = leases.acquire(List.of(segment))) {
            assertThat(lease.segments()).containsExactly(segment);
            assertThat(leases.claimForDeletion(segment.id())).isFalse();
        }
        assertThat(leases.leasedCount()).isZero();
    }
}
