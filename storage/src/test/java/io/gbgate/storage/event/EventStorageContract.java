package io.gbgate.storage.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.storage.ChannelRecord;
import io.gbgate.storage.ChannelRepository;
import io.gbgate.storage.DeviceRegistration;
import io.gbgate.storage.DeviceRepository;
import io.gbgate.storage.recording.TestClock;
import io.gbgate.storage.recording.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Events, evidence, face hits and nearby channels on one database variant. */
abstract class EventStorageContract {

    static final String CHANNEL = "34020000001310000001";
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private TestDatabases.Opened database;
    private TestClock clock;
    private EventRepository events;
    private EvidenceRepository evidence;
    private FaceHitRepository hits;

    abstract TestDatabases.Variant variant();

    @BeforeEach
    void open() {
        database = variant().open();
        clock = new TestClock(T0);
        events = new EventRepository(database.dataSource(), clock);
        evidence = new EvidenceRepository(database.dataSource(), clock);
        hits = new FaceHitRepository(database.dataSource(), clock);
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void upsertIsIdempotentAndChannelsAccumulate() {
        GovernanceEvent reported = GovernanceEvent.reported("GRID-2026-000123", "illegal-parking", T0, 113.26, 23.13,
                "440106001", "dispatched", List.of(CHANNEL));
        assertThat(events.upsert(reported)).isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(events.upsert(GovernanceEvent.reported("GRID-2026-000123", "illegal-parking", T0, 113.26, 23.13,
                "440106001", "handling", List.of("34020000001310000002")))).isFalse();
        assertThat(events.upsert(GovernanceEvent.reported("GRID-2026-000123",
                "illegal-parking", T0, 113.26, 23.13, "440106001", "handling", List.of()))).isFalse();

        GovernanceEvent stored = events.find("GRID-2026-000123").orElseThrow();
        assertThat(stored.status()).isEqualTo("handling");
        assertThat(stored.occurredAt()).isEqualTo(T0);
        assertThat(stored.longitude()).isEqualTo(113.26);
        assertThat(stored.channels()).containsExactly(CHANNEL, "34020000001310000002");
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(events.find("no-such-event")).isEmpty();
        assertThatThrownBy(() -> GovernanceEvent.reported("bad id", null, null, null, null, null, null, null))
                .hasMessageContaining("whitespace");
        assertThatThrownBy(() -> GovernanceEvent.reported("E1", null, null, 200.0, 0.0, null, null, null))
                .hasMessageContaining("longitude");
    }

    @Test
    void openEventsOfAPersonIgnoreClosedStatuses() {
        GovernanceEvent first = events.createForPerson(GovernanceEvent.reported("fh-1", "face-hit", T0, null, null,
                null, "open", List.of(CHANNEL)), "person-7");
        assertThat(first.personId()).isEqualTo("person-7");
        assertThat(events.findOpenOfPerson("person-7", List.of("closed"))).map(GovernanceEvent::eventId)
                .contains("fh-1");
        events.upsert(GovernanceEvent.reported("fh-1", "face-hit", T0, null, null, null, "CLOSED", List.of()));
        assertThat(events.find("fh-1").orElseThrow().personId()).as("kept by upsert").isEqualTo("person-7");
        assertThat(events.findOpenOfPerson("person-7", List.of("closed", "resolved"))).isEmpty();
        assertThat(events.findOpenOfPerson("person-8", List.of())).isEmpty();
    }

    @Test
    void evidenceMovesFromPendingOnceAndClipsAreDueAfterTheirRange() {
        events.upsert(GovernanceEvent.reported("E1", null, null, null, null, null, null, List.of()));
        Evidence clip = evidence.addClip("E1", CHANNEL, T0.minusSeconds(10), T0.plusSeconds(5), T0.plusSeconds(15));
        clock.advance(Duration.ofMillis(1));
        Evidence snapshot = evidence.addSnapshot("E1", CHANNEL, T0);
        clock.advance(Duration.ofMillis(1));
        Evidence image = evidence.addReady("E1", EvidenceKind.FACE_HIT, CHANNEL, "faces/x.jpg", null,
                "{\"personId\":\"p\"}", T0);
        assertThat(evidence.findByEvent("E1")).extracting(Evidence::kind)
                .containsExactly(EvidenceKind.CLIP, EvidenceKind.SNAPSHOT, EvidenceKind.FACE_HIT);
        assertThat(image.state()).isEqualTo(EvidenceState.READY);

        assertThat(evidence.findClipsDue(T0.plusSeconds(14), 10)).isEmpty();
        assertThat(evidence.findClipsDue(T0.plusSeconds(15), 10)).extracting(Evidence::id).containsExactly(clip.id());
        assertThat(evidence.attachClip(clip.id(), "clip-1")).isTrue();
        assertThat(evidence.attachClip(clip.id(), "clip-2")).as("second worker loses").isFalse();
        assertThat(evidence.findClipsDue(T0.plusSeconds(20), 10)).isEmpty();
        assertThat(evidence.findClipsRunning(10)).extracting(Evidence::clipId).containsExactly("clip-1");

        Instant readyAt = clock.advance(Duration.ofSeconds(20));
        assertThat(evidence.markReady(clip.id(), null, "partially recorded")).isTrue();
        assertThat(evidence.markFailed(clip.id(), "too late")).as("no longer pending").isFalse();
        assertThat(evidence.findSnapshotsPendingSince(T0.plusSeconds(1))).extracting(Evidence::id)
                .containsExactly(snapshot.id());
        assertThat(evidence.markFailed(snapshot.id(), "x".repeat(3000))).isTrue();

        Evidence readyClip = evidence.find(clip.id()).orElseThrow();
        assertThat(readyClip.state()).isEqualTo(EvidenceState.READY);
        assertThat(readyClip.reason()).isEqualTo("partially recorded");
        assertThat(readyClip.updatedAt()).isEqualTo(readyAt);
        assertThat(evidence.find(snapshot.id()).orElseThrow().reason()).hasSize(EvidenceRepository.REASON_LENGTH);
        assertThatThrownBy(() -> evidence.addClip("E1", CHANNEL, T0, T0, T0))
                .hasMessageContaining("range");
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            events.createForPerson(GovernanceEvent.reported("fh-tx", "face-hit", T0, null, null, null, "open",
                    List.of(CHANNEL)), "person-1");
            hits.add(CHANNEL, "person-1", "wanted", 0.93, "engine-a", T0, "fh-tx");
            evidence.addSnapshot("fh-tx", CHANNEL, T0);
            throw new IllegalStateException("image store failed");
        })).hasMessage("image store failed");
        assertThat(events.find("fh-tx")).isEmpty();
        assertThat(hits.findLatest("person-1", CHANNEL, T0.minusSeconds(60), T0)).isEmpty();
        assertThat(evidence.findByEvent("fh-tx")).isEmpty();
    }

    @Test
    void faceHitsAreFoundForDeduplication() {
        events.upsert(GovernanceEvent.reported("E2", null, null, null, null, null, null, List.of()));
        hits.add(CHANNEL, "person-1", "wanted", 0.91, "engine-a", T0, "E2");
        FaceHit later = hits.add(CHANNEL, "person-1", "wanted", 0.95, null, T0.plusSeconds(30), "E2");
        assertThat(hits.findLatest("person-1", CHANNEL, T0, T0.plusSeconds(60))).contains(later);
        assertThat(hits.findLatest("person-1", "34020000001310000009", T0, T0.plusSeconds(60))).isEmpty();
        assertThat(hits.findLatest("person-1", CHANNEL, T0.plusSeconds(31), T0.plusSeconds(90))).isEmpty();
        assertThatThrownBy(() -> hits.add(CHANNEL, "person-1", "wanted", 1.5, null, T0, "E2"))
                .hasMessageContaining("similarity");
    }

    @Test
    void nearbyChannelsAreThoseWithinTheRadius() {
        DeviceRepository devices = new DeviceRepository(database.dataSource(), clock);
        ChannelRepository channels = new ChannelRepository(database.dataSource(), clock);
        String device = "34020000001320000001";
        devices.upsertRegistration(new DeviceRegistration(device, "UDP", "192.168.1.64", 5060, T0,
                T0.plusSeconds(3600), 60));
        // Tianhe, Guangzhou: ~111 m per 0.001 degree of latitude
        channels.upsertAll(device, List.of(
                at(device, "34020000001310000001", 113.3300, 23.1300),
                at(device, "34020000001310000002", 113.3300, 23.1315),
                at(device, "34020000001310000003", 113.3300, 23.1400),
                ChannelRecord.reported(device, "34020000001310000004", "no position", null, null, "ON", true, null,
                        null, null, null, null, null)));
        ChannelPositions positions = new ChannelPositions(database.dataSource());

        List<ChannelPosition> near = positions.nearby(113.3300, 23.1301, 300);
        assertThat(near).extracting(ChannelPosition::channelId)
                .containsExactly("34020000001310000001", "34020000001310000002");
        assertThat(near.get(0).distanceMeters()).isBetween(10.0, 12.5);
        assertThat(positions.nearby(113.3300, 23.1301, 1500)).hasSize(3);
        assertThat(ChannelPositions.haversineMeters(0, 0, 0, 1)).isBetween(111_000.0, 111_400.0);
        assertThatThrownBy(() -> positions.nearby(113.33, 23.13, 0)).hasMessageContaining("radius");
        assertThatThrownBy(() -> positions.nearby(190, 23.13, 10)).hasMessageContaining("out of range");
    }

    private static ChannelRecord at(String device, String channel, double lon, double lat) {
        return ChannelRecord.reported(device, channel, "camera " + channel, null, null, "ON", true, null, null, null,
                lon, lat, null);
    }
}
