package io.gbgate.storage;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** What the storage contract tests need: a migrated, empty database and repositories on it. */
interface StorageFixture {

    String DEVICE_A = "34020000001320000001";
    String DEVICE_B = "34020000001320000002";

    DataSource dataSource();

    DeviceRepository devices();

    ChannelRepository channels();

    AuditLog audit();

    MutableClock clock();

    /** A registration of {@code deviceId} from 192.168.1.64:5060 over UDP at the clock's time. */
    default DeviceRegistration registrationOf(String deviceId) {
        Instant now = clock().instant();
        return new DeviceRegistration(deviceId, "UDP", "192.168.1.64", 5060, now, now.plusSeconds(3600), 60);
    }

    default ChannelRecord channel(String deviceId, String channelId, String name, boolean online) {
        return ChannelRecord.reported(deviceId, channelId, name, "Hikvision", "DS-2CD2T47", online ? "ON" : "OFF",
                online, deviceId, "340200", "Building 1", 116.397128, 39.916527, 3);
    }

    /** The stored channel, which the test expects to exist. */
    default ChannelRecord storedChannel(String deviceId, String channelId) {
        Optional<ChannelRecord> found = channels().findByDevice(deviceId).stream()
                .filter(c -> c.channelId().equals(channelId)).findFirst();
        return found.orElseThrow(() -> new AssertionError("channel " + channelId + " not stored"));
    }
}
