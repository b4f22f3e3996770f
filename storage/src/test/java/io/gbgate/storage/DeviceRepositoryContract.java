package io.gbgate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link DeviceRepository} behaviour shared by every database variant. */
interface DeviceRepositoryContract extends StorageFixture {

    @Test
    default void registrationInsertsThenUpdatesTheDevice() {
        Instant first = clock().instant();
        devices().upsertRegistration(registrationOf(DEVICE_A));
        DeviceRecord inserted = devices().findById(DEVICE_A).orElseThrow();
        assertThat(inserted.online()).isTrue();
        assertThat(inserted.transport()).isEqualTo("UDP");
        assertThat(inserted.remoteHost()).isEqualTo("192.168.1.64");
        assertThat(inserted.remotePort()).isEqualTo(5060);
        assertThat(inserted.registeredAt()).isEqualTo(first);
        assertThat(inserted.expiresAt()).isEqualTo(first.plusSeconds(3600));
        assertThat(inserted.keepaliveIntervalSeconds()).isEqualTo(60);
        assertThat(inserted.name()).isNull();
        assertThat(inserted.createdAt()).isEqualTo(first).isEqualTo(inserted.updatedAt());

        Instant infoTime = clock().advance(Duration.ofSeconds(5));
        assertThat(devices().updateInfo(new DeviceInfo(DEVICE_A, "Gate camera", "Hikvision", "DS-2CD2T47",
                "V5.5.0", 4))).isTrue();
        Instant second = clock().advance(Duration.ofMinutes(30));
        devices().upsertRegistration(new DeviceRegistration(DEVICE_A, "TCP", "10.0.0.7", 5080, second,
                second.plusSeconds(600), null));

        DeviceRecord updated = devices().findById(DEVICE_A).orElseThrow();
        assertThat(updated.transport()).isEqualTo("TCP");
        assertThat(updated.remoteHost()).isEqualTo("10.0.0.7");
        assertThat(updated.remotePort()).isEqualTo(5080);
        assertThat(updated.registeredAt()).isEqualTo(second);
        assertThat(updated.expiresAt()).isEqualTo(second.plusSeconds(600));
        assertThat(updated.keepaliveIntervalSeconds()).isNull();
        assertThat(updated.name()).as("registration keeps device info").isEqualTo("Gate camera");
        assertThat(updated.manufacturer()).isEqualTo("Hikvision");
        assertThat(updated.model()).isEqualTo("DS-2CD2T47");
        assertThat(updated.firmware()).isEqualTo("V5.5.0");
        assertThat(updated.channelCount()).isEqualTo(4);
        assertThat(updated.createdAt()).isEqualTo(first);
        assertThat(updated.updatedAt()).isEqualTo(second).isAfter(infoTime);
        assertThat(devices().count()).isEqualTo(1);
    }

    @Test
    default void unknownDevicesAreReportedNotCreated() {
        assertThat(devices().updateInfo(new DeviceInfo(DEVICE_A, "x", null, null, null, null))).isFalse();
        assertThat(devices().markKeepalive(DEVICE_A, clock().instant())).isFalse();
        assertThat(devices().markOffline(DEVICE_A)).isFalse();
        assertThat(devices().findById(DEVICE_A)).isEmpty();
        assertThat(devices().count()).isZero();
    }

    @Test
    default void keepaliveBringsAnOfflineDeviceBackOnline() {
        devices().upsertRegistration(registrationOf(DEVICE_A));
        assertThat(devices().markOffline(DEVICE_A)).isTrue();
        assertThat(devices().findById(DEVICE_A).orElseThrow().online()).isFalse();

        Instant keepalive = Instant.parse("2026-11-23T10:15:30.123456789Z");
        assertThat(devices().markKeepalive(DEVICE_A, keepalive)).isTrue();

        DeviceRecord device = devices().findById(DEVICE_A).orElseThrow();
        assertThat(device.online()).isTrue();
        assertThat(device.lastKeepaliveAt()).as("stored with microsecond precision")
                .isEqualTo(Instant.parse("2026-11-23T10:15:30.123456Z"));
    }

    @Test
    default void findAllIsOrderedByDeviceId() {
        devices().upsertRegistration(registrationOf(DEVICE_B));
        devices().upsertRegistration(registrationOf(DEVICE_A));

        assertThat(devices().findAll()).extracting(DeviceRecord::deviceId).containsExactly(DEVICE_A, DEVICE_B);
        assertThat(devices().count()).isEqualTo(2);
    }

    @Test
    default void chineseTextRoundTripsAndOverlongTextIsCut() {
        devices().upsertRegistration(registrationOf(DEVICE_A));
        String name = "北京市海淀区中关村大街1号-东门球机🎥";
        devices().updateInfo(new DeviceInfo(DEVICE_A, name, "海康威视", "DS-2DE4423IW", "固件 V5.7", 1));
        assertThat(devices().findById(DEVICE_A).orElseThrow().name()).isEqualTo(name);
        assertThat(devices().findById(DEVICE_A).orElseThrow().manufacturer()).isEqualTo("海康威视");

        devices().updateInfo(new DeviceInfo(DEVICE_A, "长".repeat(300), null, null, null, null));
        assertThat(devices().findById(DEVICE_A).orElseThrow().name()).isEqualTo("长".repeat(255));
    }

    @Test
    default void invalidIdentifiersAreRejectedBeforeTheDatabase() {
        assertThatThrownBy(() -> registrationOf("3402000000132000000112345678901234"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 32");
        assertThatThrownBy(() -> devices().findById(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("device id is missing");
        assertThatThrownBy(() -> devices().markKeepalive("3402 0000", clock().instant()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whitespace");
    }

    @Test
    default void repositoriesJoinTheCallersTransaction() {
        devices().upsertRegistration(registrationOf(DEVICE_A));
        channels().upsertAll(DEVICE_A, List.of(channel(DEVICE_A, "34020000001310000001", "Gate", true)));
        TransactionTemplate callers = new TransactionTemplate(new DataSourceTransactionManager(dataSource()));

        callers.executeWithoutResult(status -> {
            devices().upsertRegistration(registrationOf(DEVICE_B));
            assertThat(devices().markOffline(DEVICE_A)).isTrue();
            assertThat(devices().count()).as("visible inside the transaction").isEqualTo(2);
            status.setRollbackOnly();
        });

        assertThat(devices().findAll()).extracting(DeviceRecord::deviceId).containsExactly(DEVICE_A);
        assertThat(devices().findById(DEVICE_A).orElseThrow().online()).isTrue();
        assertThat(channels().findByDevice(DEVICE_A)).allMatch(ChannelRecord::online);
    }

    @Test
    default void concurrentRegistrationsOfTheSameDeviceDoNotFail() throws Exception {
        int threads = 4;
        int devicesToRace = 20;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    for (int d = 0; d < devicesToRace; d++) {
                        start.await(30, TimeUnit.SECONDS);
                        devices().upsertRegistration(registrationOf(String.format("340200000013200%05d", d)));
                    }
                    return null;
                }));
            }
            for (Future<Void> result : results) {
                result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(devices().count()).isEqualTo(devicesToRace);
        assertThat(devices().findAll()).allMatch(DeviceRecord::online);
    }
}
