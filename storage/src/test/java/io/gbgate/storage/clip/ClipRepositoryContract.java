package io.gbgate.storage.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.storage.recording.TestClock;
import io.gbgate.storage.recording.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ClipRepository} on one database variant. */
abstract class ClipRepositoryContract {

    static final String CHANNEL = "34020000001310000001";
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private TestDatabases.Opened database;
    private TestClock clock;
    private ClipRepository clips;

    abstract TestDatabases.Variant variant();

    @BeforeEach
    void open() {
        database = variant().open();
        clock = new TestClock(T0.plus(Duration.ofHours(1)));
        clips = new ClipRepository(database.dataSource(), clock);
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aClipMadeElsewhereIsStoredReady() {
        ClipFile file = new ClipFile("clips/download-1.mp4", 4096, 3000, "ab".repeat(32), "downloaded from device");
        Clip stored = clips.createReady(CHANNEL, T0, T0.plusSeconds(3), file);
        assertThat(stored.state()).isEqualTo(ClipState.READY);
        assertThat(stored.progress()).isEqualTo(100);
        assertThat(stored.localPath()).isEqualTo("clips/download-1.mp4");
        assertThat(stored.bytes()).isEqualTo(4096);
        assertThat(stored.durationMs()).isEqualTo(3000);
        assertThat(stored.reason()).isEqualTo("downloaded from device");
        assertThat(clips.findUnfinished()).isEmpty();
        assertThat(clips.findReadyWithoutObject()).containsExactly(stored);
        assertThatThrownBy(() -> clips.createReady(CHANNEL, T0, T0, file)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClipGoesFromPendingToReady() {
        Clip created = clips.create(CHANNEL, T0, T0.plusSeconds(5));
        assertThat(created.state()).isEqualTo(ClipState.PENDING);
        assertThat(created.progress()).isZero();
        assertThat(created.id()).hasSize(36);
        assertThat(created.createdAt()).isEqualTo(clock.instant()).isEqualTo(created.updatedAt());
        assertThat(clips.findUnfinished()).containsExactly(created);

        clock.advance(Duration.ofSeconds(1));
        clips.markRunning(created.id());
        clips.updateProgress(created.id(), 40);
        assertThat(clips.find(created.id()).orElseThrow())
                .extracting(Clip::state, Clip::progress).containsExactly(ClipState.RUNNING, 40);

        Instant readyAt = clock.advance(Duration.ofSeconds(2));
        String sha = "ab".repeat(32);
        clips.markReady(created.id(), new ClipFile("clips/" + created.id() + ".mp4", 1234, 5040, sha,
                "partially recorded: 4.0 of 5.0 s exported"));
        clips.setObjectKey(created.id(), "clips/2026/11/23/" + created.id() + ".mp4");

        Clip ready = clips.find(created.id()).orElseThrow();
        assertThat(ready).isEqualTo(new Clip(created.id(), CHANNEL, T0, T0.plusSeconds(5), ClipState.READY, 100,
                "partially recorded: 4.0 of 5.0 s exported", "clips/" + created.id() + ".mp4", 1234L, 5040L, sha,
                "clips/2026/11/23/" + created.id() + ".mp4", created.createdAt(), readyAt));
        assertThat(clips.findUnfinished()).isEmpty();
        assertThat(clips.findByChannel(CHANNEL, 10)).containsExactly(ready);
    }

    @Test
    void failuresKeepTheirReasonAndResumedClipsStartOver() {
        Clip failed = clips.create(CHANNEL, T0, T0.plusSeconds(5));
        clips.markFailed(failed.id(), "range not recorded: " + "x".repeat(3000));
        assertThat(clips.find(failed.id()).orElseThrow().reason())
                .startsWith("range not recorded: ").hasSize(ClipRepository.REASON_LENGTH);

        Clip crashed = clips.create(CHANNEL, T0, T0.plusSeconds(5));
        clips.markRunning(crashed.id());
        clips.updateProgress(crashed.id(), 70);
        assertThat(clips.findUnfinished()).extracting(Clip::id).containsExactly(crashed.id());
        clips.markPending(crashed.id());
        assertThat(clips.find(crashed.id()).orElseThrow())
                .extracting(Clip::state, Clip::progress).containsExactly(ClipState.PENDING, 0);
    }

    @Test
    void invalidTransitionsAreRejected() {
        assertThatThrownBy(() -> clips.markRunning("no-such-clip"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such clip");
        Clip clip = clips.create(CHANNEL, T0, T0.plusSeconds(5));
        assertThatThrownBy(() -> clips.updateProgress(clip.id(), 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..99");
        assertThatThrownBy(() -> clips.create(CHANNEL, T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty or reversed");
    }
}
