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

/** {@link ChannelRepository} behaviour shared by every database variant. */
interface ChannelRepositoryContract extends StorageFixture {

    String CHANNEL_1 = "34020000001310000001";
    String CHANNEL_2 = "34020000001310000002";
    String CHANNEL_3 = "34020000001310000003";

    @Test
    default void aShortCatalogAnswerKeepsTheMissingChannels() {
        devices().upsertRegistration(registrationOf(DEVICE_A));
        Instant first = clock().instant();
        channels().upsertAll(DEVICE_A, List.of(channel(DEVICE_A, CHANNEL_1, "Gate", true),
                channel(DEVICE_A, CHANNEL_2, "Yard", true), channel(DEVICE_A, CHANNEL_3, "Hall", true)));

        Instant second = clock().advance(Duration.ofMinutes(1));
        channels().upsertAll(DEVICE_A, List.of(channel(DEVICE_A, CHANNEL_2, "Yard east", false)));

        assertThat(channels().findByDevice(DEVICE_A)).extracting(ChannelRecord::channelId)
                .containsExactly(CHANNEL_1, CHANNEL_2, CHANNEL_3);
        ChannelRecord updated = storedChannel(DEVICE_A, CHANNEL_2);
        assertThat(updated.name()).isEqualTo("Yard east");
        assertThat(updated.online()).isFalse();
        assertThat(updated.status()).isEqualTo("OFF");
        assertThat(updated.createdAt()).isEqualTo(first);
        assertThat(updated.updatedAt()).isEqualTo(second);
        ChannelRecord untouched = storedChannel(DEVICE_A, CHANNEL_1);
        assertThat(untouched).isEqualTo(new ChannelRecord(DEVICE_A, CHANNEL_1, "Gate", "Hikvision", "DS-2CD2T47",
                "ON", true, DEVICE_A, "340200", "Building 1", 116.397128, 39.916527, 3, first, first));
    }

    @Test
    default void deleteRemovesOnlyThatChannelOfThatDevice() {
        devices().upsertRegistration(registrationOf(DEVICE_A));
        devices().upsertRegistration(registrationOf(DEVICE_B));
        channels().upsertAll(DEVICE_A, List.of(channel(DEVICE_A, CHANNEL_1, "Gate", true),
                channel(DEVICE_A, CHANNEL_2, "Yard", true)));
        channels().upsertAll(DEVICE_B, List.of(channel(DEVICE_B, CHANNEL_3, "Hall", true)));

        assertThat(channels().delete(DEVICE_A, CHANNEL_2)).isTrue();
        assertThat(channels().delete(DEVICE_A, CHANNEL_2)).isFalse();
        assertThat(channels().delete(DEVICE_A, CHANNEL_3)).as("channel of another device").isFalse();

        assertThat(channels().findByDevice(DEVICE_A)).extracting(ChannelRecord::channelId).containsExactly(CHANNEL_1);
        assertThat(channels().findByDevice(DEVICE_B)).extracting(ChannelRecord::channelId).containsExactly(CHANNEL_3);
        assertThatThrownBy(() -> channels().delete(DEVICE_A, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void markOfflineTakesTheDeviceAndItsChannelsOffline() {
        devices().upsertRegistration(registrationOf(DEVICE_A));
        devices().upsertRegistration(registrationOf(DEVICE_B));
        channels().upsertAll(DEVICE_A, List.of(channel(DEVICE_A, CHANNEL_1, "Gate", true),
                channel(DEVICE_A, CHANNEL_2, "Yard", true)));
        channels().upsertAll(DEVICE_B, List.of(channel(DEVICE_B, CHANNEL_3, "Hall", true)));

        assertThat(devices().markOffline(DEVICE_A)).isTrue();

        assertThat(devices().findById(DEVICE_A).orElseThrow().online()).isFalse();
        assertThat(channels().findByDevice(DEVICE_A)).isNotEmpty().noneMatch(ChannelRecord::online);
        assertThat(devices().findById(DEVICE_B).orElseThrow().online()).isTrue();
        assertThat(channels().findByDevice(DEVICE_B)).allMatch(ChannelRecord::online);

        assertThat(channels().setDeviceChannelsOnline(DEVICE_A, true)).isEqualTo(2);
        assertThat(channels().findByDevice(DEVICE_A)).allMatch(ChannelRecord::online);
    }

    @Test
    default void registeringAgainKeepsChannelsTheDeviceReportedOff() {
        devices().upsertRegistration(registrationOf(DEVICE_A));
        channels().upsertAll(DEVICE_A, List.of(channel(DEVICE_A, CHANNEL_1, "Gate", true),
                channel(DEVICE_A, CHANNEL_2, "Yard", false)));
        devices().markOffline(DEVICE_A);

        assertThat(channels().restoreDeviceChannelsOnline(DEVICE_A)).isEqualTo(1);

        assertThat(storedChannel(DEVICE_A, CHANNEL_1).online()).isTrue();
        assertThat(storedChannel(DEVICE_A, CHANNEL_2).online()).as("reported OFF").isFalse();
        assertThat(channels().restoreDeviceChannelsOnline(DEVICE_A)).as("nothing left to change").isZero();
    }

    @Test
    default void chineseChannelTextRoundTrips() {
        devices().upsertRegistration(registrationOf(DEVICE_A));
        ChannelRecord reported = ChannelRecord.reported(DEVICE_A, CHANNEL_1, "南门入口 1号摄像机", "大华", "DH-IPC",
                "ON", true, null, "110108", "北京市海淀区中关村大街27号", null, null, null);
        channels().upsertAll(DEVICE_A, List.of(reported));

        ChannelRecord stored = channels().findById(CHANNEL_1).orElseThrow();
        assertThat(stored.name()).isEqualTo("南门入口 1号摄像机");
        assertThat(stored.manufacturer()).isEqualTo("大华");
        assertThat(stored.address()).isEqualTo("北京市海淀区中关村大街27号");
        assertThat(stored.longitude()).isNull();
        assertThat(stored.ptzType()).isNull();
        assertThat(stored.parentId()).isNull();
    }

    @Test
    default void findByIdPrefersTheMostRecentlyUpdatedDuplicate() {
        devices().upsertRegistration(registrationOf(DEVICE_A));
        devices().upsertRegistration(registrationOf(DEVICE_B));
        channels().upsertAll(DEVICE_B, List.of(channel(DEVICE_B, CHANNEL_1, "reported by B", true)));
        clock().advance(Duration.ofSeconds(1));
        channels().upsertAll(DEVICE_A, List.of(channel(DEVICE_A, CHANNEL_1, "reported by A", true)));

        assertThat(channels().findById(CHANNEL_1).orElseThrow().deviceId()).isEqualTo(DEVICE_A);
        clock().advance(Duration.ofSeconds(1));
        channels().upsertAll(DEVICE_B, List.of(channel(DEVICE_B, CHANNEL_1, "reported by B again", true)));
        assertThat(channels().findById(CHANNEL_1).orElseThrow().name()).isEqualTo("reported by B again");
        assertThat(channels().findById(CHANNEL_2)).isEmpty();
    }

    @Test
    default void upsertRejectsUnknownDevicesAndForeignChannels() {
        assertThatThrownBy(() -> channels().upsertAll(DEVICE_A, List.of(channel(DEVICE_A, CHANNEL_1, "x", true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not registered");
        devices().upsertRegistration(registrationOf(DEVICE_A));
        assertThatThrownBy(() -> channels().upsertAll(DEVICE_A, List.of(channel(DEVICE_A, CHANNEL_1, "x", true),
                channel(DEVICE_B, CHANNEL_2, "y", true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to device " + DEVICE_B);
        assertThat(channels().findByDevice(DEVICE_A)).isEmpty();
    }

    @Test
    default void concurrentCatalogAnswersOfTheSameDeviceDoNotFail() throws Exception {
        devices().upsertRegistration(registrationOf(DEVICE_A));
        List<ChannelRecord> catalog = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            catalog.add(channel(DEVICE_A, String.format("340200000013100%05d", c), "channel " + c, true));
        }
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    channels().upsertAll(DEVICE_A, catalog);
                    return null;
                }));
            }
            for (Future<Void> result : results) {
                result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(channels().findByDevice(DEVICE_A)).hasSize(catalog.size());
    }

    @Test
    default void searchFindsChannelsOfEveryDeviceByNameIdOrAddressPageByPage() {
        devices().upsertRegistration(registrationOf(DEVICE_A));
        devices().upsertRegistration(registrationOf(DEVICE_B));
        channels().upsertAll(DEVICE_A, List.of(channel(DEVICE_A, CHANNEL_1, "东门 Gate", true),
                channel(DEVICE_A, CHANNEL_2, "Yard", false), channel(DEVICE_A, CHANNEL_3, "50%_off\\shop", true)));
        channels().upsertAll(DEVICE_B, List.of(channel(DEVICE_B, CHANNEL_1, "East gate", true),
                channel(DEVICE_B, "34020000001310000042", "Hall", true)));

        assertThat(channels().search(new ChannelQuery("GATE", null, null, null, 10)))
                .extracting(ChannelRecord::deviceId, ChannelRecord::channelId)
                .as("any case, same channel id on two devices ordered by device")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DEVICE_A, CHANNEL_1),
                        org.assertj.core.groups.Tuple.tuple(DEVICE_B, CHANNEL_1));
        assertThat(channels().search(new ChannelQuery("东门", null, null, null, 10)))
                .extracting(ChannelRecord::name).containsExactly("东门 Gate");
        assertThat(channels().search(new ChannelQuery("0042", null, null, null, 10)))
                .extracting(ChannelRecord::name).as("by part of the channel id").containsExactly("Hall");
        assertThat(channels().search(new ChannelQuery("building 1", null, null, null, 10))).hasSize(5);
        assertThat(channels().search(new ChannelQuery("%", null, null, null, 10))).extracting(ChannelRecord::name)
                .as("wildcards are literal").containsExactly("50%_off\\shop");
        assertThat(channels().search(new ChannelQuery("_", null, null, null, 10))).hasSize(1);
        assertThat(channels().search(new ChannelQuery("\\", null, null, null, 10))).hasSize(1);
        assertThat(channels().search(new ChannelQuery(null, false, null, null, 10)))
                .extracting(ChannelRecord::name).containsExactly("Yard");

        List<String> paged = new ArrayList<>();
        ChannelQuery page = new ChannelQuery(null, true, null, null, 2);
        for (int pages = 0; pages < 10; pages++) {
            List<ChannelRecord> rows = channels().search(page);
            rows.forEach(row -> paged.add(row.channelId() + "/" + row.deviceId()));
            if (rows.size() < page.limit()) {
                break;
            }
            ChannelRecord last = rows.get(rows.size() - 1);
            page = new ChannelQuery(null, true, last.channelId(), last.deviceId(), 2);
        }
        assertThat(paged).containsExactly(CHANNEL_1 + "/" + DEVICE_A, CHANNEL_1 + "/" + DEVICE_B,
                CHANNEL_3 + "/" + DEVICE_A, "34020000001310000042/" + DEVICE_B);

        assertThatThrownBy(() -> new ChannelQuery(null, null, null, null, 0)).hasMessageContaining("limit");
        assertThatThrownBy(() -> new ChannelQuery(null, null, null, null, ChannelQuery.MAX_LIMIT + 1))
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> new ChannelQuery("x".repeat(65), null, null, null, 1)).hasMessageContaining("longer");
        assertThatThrownBy(() -> new ChannelQuery(null, null, CHANNEL_1, null, 1)).hasMessageContaining("cursor");
        assertThat(new ChannelQuery("  ", null, null, null, 1).text()).isNull();
    }
}
