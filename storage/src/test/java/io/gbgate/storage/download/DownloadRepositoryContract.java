package io.gbgate.storage.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.storage.recording.TestClock;
import io.gbgate.storage.recording.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Device downloads on one database variant. */
abstract class DownloadRepositoryContract {
    static final String CHANNEL = "34020000001310000001";
    static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    static final Instant FROM = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant TO = FROM.plusSeconds(600);

    private TestDatabases.Opened database;
    private TestClock clock;
    private DownloadRepository downloads;

    abstract TestDatabases.Variant variant();

    @BeforeEach
    void open() {
        database = variant().open();
        clock = new TestClock(T0);
        downloads = new DownloadRepository(database.dataSource(), clock);
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aDownloadGoesFromReceivingThroughSavingToDoneWithItsClip() {
        DeviceDownload created = downloads.create(CHANNEL, FROM, TO, 4, "operator-7");
        assertThat(created.state()).isEqualTo(DownloadState.RECEIVING);
        assertThat(created).extracting(DeviceDownload::channelId, DeviceDownload::from, DeviceDownload::to,
                DeviceDownload::speed, DeviceDownload::requestedBy, DeviceDownload::createdAt)
                .containsExactly(CHANNEL, FROM, TO, 4, "operator-7", T0);
        assertThat(downloads.attachStream(created.id(), CHANNEL + "-1a2b3c4d")).isTrue();
        clock.advance(Duration.ofSeconds(150));
        assertThat(downloads.markSaving(created.id(), "end of recording")).isTrue();
        assertThat(downloads.markDone(created.id(), "9b6f1c2e-0000-4000-8000-000000000001")).isTrue();

        DeviceDownload done = downloads.find(created.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(DownloadState.DONE);
        assertThat(done.streamId()).isEqualTo(CHANNEL + "-1a2b3c4d");
        assertThat(done.clipId()).isEqualTo("9b6f1c2e-0000-4000-8000-000000000001");
        assertThat(done.endReason()).isEqualTo("end of recording");
        assertThat(done.updatedAt()).isEqualTo(T0.plusSeconds(150));
    }

    @Test
    void anEndedDownloadKeepsItsEnd() {
        DeviceDownload failed = downloads.create(CHANNEL, FROM, TO, 1, null);
        assertThat(downloads.markFailed(failed.id(), "the device sent no video")).isTrue();
        assertThat(downloads.markDone(failed.id(), "9b6f1c2e-0000-4000-8000-000000000002")).isFalse();
        assertThat(downloads.markSaving(failed.id(), "BYE")).isFalse();
        DeviceDownload stored = downloads.find(failed.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(DownloadState.FAILED);
        assertThat(stored.failure()).isEqualTo("the device sent no video");
        assertThat(stored.clipId()).isNull();
    }

    @Test
    void startUpFailsTheDownloadsTheLastRunLeftRunningAndOnlyThose() {
        DeviceDownload receiving = downloads.create(CHANNEL, FROM, TO, 1, null);
        DeviceDownload saving = downloads.create(CHANNEL, FROM, TO, 1, null);
        downloads.markSaving(saving.id(), "end of recording");
        DeviceDownload done = downloads.create(CHANNEL, FROM, TO, 1, null);
        downloads.markSaving(done.id(), "end of recording");
        downloads.markDone(done.id(), "9b6f1c2e-0000-4000-8000-000000000003");

        assertThat(downloads.failInterrupted("the gateway restarted")).isEqualTo(2);
        assertThat(downloads.find(receiving.id()).orElseThrow().failure()).isEqualTo("the gateway restarted");
        assertThat(downloads.find(saving.id()).orElseThrow().state()).isEqualTo(DownloadState.FAILED);
        assertThat(downloads.find(done.id()).orElseThrow().state()).isEqualTo(DownloadState.DONE);
    }

    @Test
    void aChannelsDownloadsComeNewestFirstAndUnknownIdsAreEmpty() {
        DeviceDownload first = downloads.create(CHANNEL, FROM, TO, 1, null);
        clock.advance(Duration.ofSeconds(1));
        DeviceDownload second = downloads.create(CHANNEL, FROM, TO, 1, null);
        downloads.create("34020000001310000002", FROM, TO, 1, null);
        assertThat(downloads.findByChannel(CHANNEL, 10)).extracting(DeviceDownload::id)
                .containsExactly(second.id(), first.id());
        assertThat(downloads.findByChannel(CHANNEL, 1)).hasSize(1);
        assertThat(downloads.find("no-such-download")).isEmpty();
    }

    @Test
    void badInputIsRefusedWithTheReasonAndLongTextIsCut() {
        assertThatThrownBy(() -> downloads.create(CHANNEL, TO, FROM, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> downloads.create(CHANNEL, FROM, TO, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speed");
        assertThatThrownBy(() -> downloads.create("bad id", FROM, TO, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel id");
        assertThatThrownBy(() -> downloads.findByChannel(CHANNEL, 0)).isInstanceOf(IllegalArgumentException.class);
        DeviceDownload download = downloads.create(CHANNEL, FROM, TO, 1, "x".repeat(500));
        downloads.markFailed(download.id(), "y".repeat(5000));
        DeviceDownload stored = downloads.find(download.id()).orElseThrow();
        assertThat(stored.requestedBy()).hasSize(DownloadRepository.PRINCIPAL_LENGTH);
        assertThat(stored.failure()).hasSize(DownloadRepository.FAILURE_LENGTH);
    }
}
