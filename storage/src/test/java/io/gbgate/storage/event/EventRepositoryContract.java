package io.gbgate.storage.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.storage.recording.TestDatabases;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link AlarmRepository} and {@link PositionRepository} on one database variant. */
abstract class EventRepositoryContract {

    static final String DEVICE = "34020000001320000001";
    static final String OTHER_DEVICE = "34020000001320000002";
    static final String CHANNEL = "34020000001310000001";
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00.123456Z");
    static final LocalDateTime LOCAL = LocalDateTime.parse("2026-11-23T16:00:00");

    private TestDatabases.Opened database;
    private AlarmRepository alarms;
    private PositionRepository positions;

    abstract TestDatabases.Variant variant();

    @BeforeEach
    void open() {
        database = variant().open();
        alarms = new AlarmRepository(database.dataSource());
        positions = new PositionRepository(database.dataSource());
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private static DeviceAlarm alarm(String deviceId, Instant receivedAt) {
        return new DeviceAlarm(null, deviceId, CHANNEL, 1, "5", "2", LOCAL, "移动侦测 motion", 113.26, 23.13,
                receivedAt, null);
    }

    @Test
    void alarmsRoundTripAndFilterByDeviceAndHalfOpenRange() {
        DeviceAlarm first = alarms.insert(alarm(DEVICE, T0));
        DeviceAlarm second = alarms.insert(alarm(OTHER_DEVICE, T0.plusSeconds(10)));
        DeviceAlarm third = alarms.insert(alarm(DEVICE, T0.plusSeconds(60)));

        assertThat(first.id()).isNotNull();
        assertThat(first).isEqualTo(new DeviceAlarm(first.id(), DEVICE, CHANNEL, 1, "5", "2", LOCAL,
                "移动侦测 motion", 113.26, 23.13, T0, null));
        assertThat(alarms.find(null, T0, T0.plusSeconds(60), 100)).containsExactly(first, second);
        assertThat(alarms.find(DEVICE, T0, T0.plusSeconds(61), 100)).containsExactly(first, third);
        assertThat(alarms.find(DEVICE, T0, T0.plusSeconds(61), 1)).containsExactly(first);
        assertThat(alarms.find(DEVICE, T0.plusSeconds(1), T0.plusSeconds(2), 100)).isEmpty();
    }

    @Test
    void alarmWithOnlyItsIdentityIsStoredAndCanBeReset() {
        DeviceAlarm bare = alarms.insert(new DeviceAlarm(null, DEVICE, DEVICE, null, null, null, null, null, null,
                null, T0, null));
        assertThat(bare.alarmTime()).isNull();
        assertThat(bare.description()).isNull();

        assertThat(alarms.markReset(bare.id(), T0.plusSeconds(5))).isTrue();
        assertThat(alarms.find(bare.id())).get().extracting(DeviceAlarm::resetAt).isEqualTo(T0.plusSeconds(5));
        assertThat(alarms.markReset(bare.id() + 1000, T0)).isFalse();
        assertThat(alarms.find(bare.id() + 1000)).isEmpty();
    }

    @Test
    void alarmInputIsChecked() {
        assertThatThrownBy(() -> alarm("", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alarm("x".repeat(33), T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alarms.find(DEVICE, T0, T0.minusSeconds(1), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends before");
        assertThatThrownBy(() -> alarms.find(DEVICE, T0, T0, 0)).isInstanceOf(IllegalArgumentException.class);
        DeviceAlarm longText = alarms.insert(new DeviceAlarm(null, DEVICE, CHANNEL, null, null, null, null,
                "a".repeat(1500), null, null, T0, null));
        assertThat(longText.description()).hasSize(AlarmRepository.DESCRIPTION_LENGTH);
    }

    @Test
    void positionsOfATargetInTimeOrder() {
        MobilePosition later = positions.insert(new MobilePosition(null, DEVICE, CHANNEL, LOCAL.plusSeconds(5),
                113.27, 23.14, 12.5, 90.0, 15.0, T0.plusSeconds(5)));
        MobilePosition earlier = positions.insert(new MobilePosition(null, DEVICE, CHANNEL, LOCAL, 113.26, 23.13,
                null, null, null, T0));
        positions.insert(new MobilePosition(null, DEVICE, DEVICE, LOCAL, 1, 2, null, null, null, T0));

        List<MobilePosition> found = positions.find(CHANNEL, T0, T0.plusSeconds(60), 100);
        assertThat(found).containsExactly(earlier, later);
        assertThat(found.get(1)).isEqualTo(new MobilePosition(later.id(), DEVICE, CHANNEL, LOCAL.plusSeconds(5),
                113.27, 23.14, 12.5, 90.0, 15.0, T0.plusSeconds(5)));
        assertThat(positions.find(CHANNEL, T0.plusSeconds(5), T0.plusSeconds(60), 100)).containsExactly(later);
        assertThat(positions.find(OTHER_DEVICE, T0, T0.plusSeconds(60), 100)).isEmpty();
    }

    @Test
    void positionInputIsChecked() {
        assertThatThrownBy(() -> new MobilePosition(null, DEVICE, CHANNEL, LOCAL, 181, 0, null, null, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MobilePosition(null, DEVICE, CHANNEL, LOCAL, Double.NaN, 0, null, null, null,
                T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> positions.find(CHANNEL, T0, T0.minusSeconds(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
