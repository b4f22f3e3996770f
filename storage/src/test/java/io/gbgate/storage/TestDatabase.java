package io.gbgate.storage;

import java.nio.file.Path;
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
 * A fresh, empty database for one test: an H2 file or in-memory database, or a throw-away schema on the
 * PostgreSQL server at 127.0.0.1:5432 (database {@code test}, user {@code postgres}, trust authentication;
 * system property {@code gbgate.test.postgres.url} points elsewhere).
 */
record TestDatabase(String label, DataSource dataSource, Cleanup cleanup) implements AutoCloseable {

    static final String POSTGRES_URL =
            System.getProperty("gbgate.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = "postgres";

    /** Removes what the database left behind. */
    @FunctionalInterface
    interface Cleanup {
        void run() throws SQLException;
    }

    static TestDatabase h2File(Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("gbgate").toAbsolutePath() + ";DB_CLOSE_DELAY=-1";
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        return new TestDatabase("H2 file", dataSource, () -> shutdownH2(dataSource));
    }

    static TestDatabase h2Memory() {
        String url = "jdbc:h2:mem:gbgate_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        return new TestDatabase("H2 in-memory", dataSource, () -> shutdownH2(dataSource));
    }

    /** A new schema {@code gbgate_test_<random>} that is the connections' search path; dropped on close. */
    static TestDatabase postgresSchema() {
        String schema = "gbgate_test_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(POSTGRES_URL + "?connectTimeout=5", POSTGRES_USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL variant skipped: no server usable at " + POSTGRES_URL + " as user "
                    + POSTGRES_USER + " (" + e.getMessage() + ")");
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                POSTGRES_URL + "?connectTimeout=5&currentSchema=" + schema, POSTGRES_USER, "");
        dataSource.setDriverClassName("org.postgresql.Driver");
        return new TestDatabase("PostgreSQL schema " + schema, dataSource, () -> {
            try (Connection admin = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        });
    }

    private static void shutdownH2(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Override
    public void close() throws SQLException {
        cleanup.run();
    }
}
