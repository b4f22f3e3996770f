package io.gbgate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Schema migration behaviour shared by every database variant. */
interface MigrationContract extends StorageFixture {

    @Test
    default void migratingAnUpToDateSchemaAgainChangesNothing() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        String historyRows = "SELECT COUNT(*) FROM \"flyway_schema_history\"";
        String appliedV1 = historyRows + " WHERE \"version\" = '1' AND \"success\" = TRUE";
        Integer rowsBefore = jdbc.queryForObject(historyRows, Integer.class);
        devices().upsertRegistration(registrationOf(DEVICE_A));

        assertThat(Database.migrate(dataSource())).isZero();

        assertThat(jdbc.queryForObject(historyRows, Integer.class)).isEqualTo(rowsBefore);
        assertThat(jdbc.queryForObject(appliedV1, Integer.class)).isEqualTo(1);
        assertThat(devices().count()).isEqualTo(1);
    }
}
