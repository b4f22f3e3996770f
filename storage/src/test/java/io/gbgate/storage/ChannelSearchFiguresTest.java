package io.gbgate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures, not a timed test: channel search on a city-sized catalog (50,000 channels behind 1,000 devices) on
 * the H2 file database and on PostgreSQL. Prints the time of a first page, of a text search and of paging
 * through everything a thousand at a time. Opt-in ({@code -Dgbgate.figures=true}).
 */
@EnabledIfSystemProperty(named = "gbgate.figures", matches = "true")
class ChannelSearchFiguresTest {
    private static final int DEVICES = 1000;
    private static final int CHANNELS_PER_DEVICE = 50;

    @TempDir
    Path tempDir;

    @Test
    void h2File() throws Exception {
        measure(() -> TestDatabase.h2File(tempDir));
    }

    @Test
    void postgres() throws Exception {
        measure(TestDatabase::postgresSchema);
    }

    private void measure(Supplier<TestDatabase> open) throws Exception {
        try (TestDatabase database = open.get()) {
            Database.migrate(database.dataSource());
            MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
            DeviceRepository devices = new DeviceRepository(database.dataSource(), clock);
            ChannelRepository channels = new ChannelRepository(database.dataSource(), clock);
            long loadStart = System.nanoTime();
            for (int d = 0; d < DEVICES; d++) {
                String deviceId = String.format("3402000000132%07d", d);
                Instant now = clock.instant();
                devices.upsertRegistration(new DeviceRegistration(deviceId, "UDP", "10.0.0.1", 5060, now,
                        now.plusSeconds(3600), 60));
                List<ChannelRecord> catalog = new ArrayList<>();
                for (int c = 0; c < CHANNELS_PER_DEVICE; c++) {
                    String channelId = String.format("3402000000131%07d", d * CHANNELS_PER_DEVICE + c);
                    catalog.add(ChannelRecord.reported(deviceId, channelId, "路口 " + d + "-" + c + " camera",
                            "Hikvision", "DS-2DE", c % 10 == 0 ? "OFF" : "ON", c % 10 != 0, deviceId, "340200",
                            "Street " + d, 117.0, 31.0, 1));
                }
                channels.upsertAll(deviceId, catalog);
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            for (int warm = 0; warm < 20; warm++) {
                channels.search(new ChannelQuery(null, null, null, null, 200));
                channels.search(new ChannelQuery("路口 777-", null, null, null, 200));
            }
            double firstPage = millis(() -> channels.search(new ChannelQuery(null, null, null, null, 200)));
            double text = millis(() -> assertThat(channels.search(
                    new ChannelQuery("路口 777-", null, null, null, 200))).hasSize(CHANNELS_PER_DEVICE));
            double offline = millis(() -> channels.search(new ChannelQuery(null, false, null, null, 200)));
            long start = System.nanoTime();
            int total = 0;
            ChannelQuery page = new ChannelQuery(null, null, null, null, ChannelQuery.MAX_LIMIT);
            while (true) {
                List<ChannelRecord> rows = channels.search(page);
                total += rows.size();
                if (rows.size() < page.limit()) {
                    break;
                }
                ChannelRecord last = rows.get(rows.size() - 1);
                page = new ChannelQuery(null, null, last.channelId(), last.deviceId(), ChannelQuery.MAX_LIMIT);
            }
            double all = (System.nanoTime() - start) / 1e6;
            assertThat(total).isEqualTo(DEVICES * CHANNELS_PER_DEVICE);
            System.out.printf("[figures] channel search, %s, %d channels (loaded in %.1f s): first page of 200"
                    + " %.1f ms, text search %.1f ms, offline filter %.1f ms, all %d pages of 1000 %.0f ms%n",
                    database.label().replaceAll(" gbgate_test_\\w+", ""), total, loadSeconds, firstPage, text,
                    offline, (total + 999) / 1000, all);
        }
    }

    /** Median of 9 runs, in milliseconds. */
    private static double millis(Runnable query) {
        double[] runs = new double[9];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            query.run();
            runs[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(runs);
        return runs[runs.length / 2];
    }
}
