package io.gbgate.storage.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Values as the event tables store them: instants in {@code TIMESTAMP WITH TIME ZONE} at UTC and device local times
 * in {@code TIMESTAMP}, both truncated to microseconds so they round-trip exactly on H2 and PostgreSQL.
 */
final class EventSql {

    private EventSql() {
    }

    static OffsetDateTime instant(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static LocalDateTime local(LocalDateTime value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static LocalDateTime local(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    static Double number(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Double.class);
    }
}
