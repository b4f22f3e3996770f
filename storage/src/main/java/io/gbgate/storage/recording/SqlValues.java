package io.gbgate.storage.recording;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as stored in {@code TIMESTAMP WITH TIME ZONE} columns: UTC, truncated to microseconds (the precision of
 * both H2 and PostgreSQL), so that they round-trip exactly.
 */
final class SqlValues {

    private SqlValues() {
    }

    static OffsetDateTime toSql(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
