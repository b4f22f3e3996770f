package io.gbgate.storage.recording;

import io.gbgate.storage.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fresh, migrated databases for the recording and clip tests: a private H2 in-memory database, or a throw-away
 * schema on the PostgreSQL server at 127.0.0.1:5432 (skipped when unreachable), as the base storage tests use.
 */
public final class TestDatabases {

    static final String POSTGRES_URL =
            System.getProperty("gbgate.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

    /** An open database and what removes it. */
    public record Opened(String label, DataSource dataSource, AutoCloseable cleanup) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            cleanup.close();
        }
    }

    private TestDatabases() {
    }

    /** The variants contract tests run on. */
    public enum Variant {
        H2_MEMORY, POSTGRES;

        /** Opens a fresh database of this variant and migrates it. */
        public Opened open() {
            Opened opened = this == H2_MEMORY ? h2Memory() : postgresSchema();
            Database.migrate(opened.dataSource());
            return opened;
        }
    }

    private static Opened h2Memory() {
        String url = "jdbc:h2:mem:gbgate_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        return new Opened("H2 in-memory", dataSource, () -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        });
    }

    private static Opened postgresSchema() {
        String schema = "gbgate_test_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(POSTGRES_URL + "?connectTimeout=5", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL variant skipped: no server usable at " + POSTGRES_URL + " ("
                    + e.getMessage() + ")");
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                POSTGRES_URL + "?connectTimeout=5&currentSchema=" + schema, "postgres", "");
        dataSource.setDriverClassName("org.postgresql.Driver");
        return new Opened("PostgreSQL schema " + schema, dataSource, () -> {
            try (Connection admin = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        });
    }
}
