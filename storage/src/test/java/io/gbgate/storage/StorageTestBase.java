package io.gbgate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the storage contracts against one database variant: every test gets a fresh database, migrated by
 * {@link Database#migrate}, which is removed afterwards.
 */
abstract class StorageTestBase
        implements MigrationContract, DeviceRepositoryContract, ChannelRepositoryContract, AuditLogContract {

    @TempDir
    Path tempDir;

    private TestDatabase database;
    private MutableClock clock;
    private DeviceRepository devices;
    private ChannelRepository channels;
    private AuditLog audit;

    /** A fresh, empty database of the variant under test. */
    abstract TestDatabase openDatabase(Path tempDir);

    @BeforeEach
    void openAndMigrate() {
        database = openDatabase(tempDir);
        assertThat(Database.migrate(database.dataSource())).as("migrations applied to a fresh database").isEqualTo(5);
        clock = new MutableClock(Instant.parse("2026-11-23T09:30:00.123456Z"));
        devices = new DeviceRepository(database.dataSource(), clock);
        channels = new ChannelRepository(database.dataSource(), clock);
        audit = new AuditLog(database.dataSource());
    }

    @AfterEach
    void closeDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Override
    public DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    public DeviceRepository devices() {
        return devices;
    }

    @Override
    public ChannelRepository channels() {
        return channels;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }
}
