package io.gbgate.storage;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema management for the gbgate metadata database.
 *
 * <p>The schema lives in {@code classpath:db/migration} as Flyway migrations written in portable SQL, so the same
 * scripts run on the embedded H2 2.x database and on PostgreSQL 15. Migrations go into the connection's current
 * schema (on PostgreSQL the first entry of {@code search_path}).
 */
public final class Database {

    /** Where the migration scripts live on the classpath. */
    public static final String MIGRATION_LOCATION = "classpath:db/migration";

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private Database() {
    }

    /**
     * Brings the schema of {@code dataSource} up to the newest version. Running it on an up-to-date schema
     * changes nothing.
     *
     * @return the number of migrations applied by this call (0 when the schema was already current)
     * @throws org.flywaydb.core.api.FlywayException when a migration fails or applied scripts were altered
     */
    public static int migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATION_LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info("Metadata schema at version {} ({} migration(s) applied)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        return result.migrationsExecuted;
    }
}
