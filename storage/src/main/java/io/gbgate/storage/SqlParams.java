package io.gbgate.storage;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Named statement parameters with explicit JDBC types, so that nulls bind identically on H2 and PostgreSQL.
 * Instants are bound as {@link OffsetDateTime} at UTC truncated to microseconds (the precision of
 * {@code TIMESTAMP WITH TIME ZONE} on both databases), which makes them round-trip exactly.
 */
public final class SqlParams {

    private final MapSqlParameterSource source = new MapSqlParameterSource();

    /** Binds a mandatory identifier unchanged (records validate identifiers on construction). */
    public SqlParams id(String name, String value) {
        source.addValue(name, value, Types.VARCHAR);
        return this;
    }

    /** Binds descriptive text, cut to {@code maxLength} characters without splitting a surrogate pair. */
    public SqlParams text(String name, String value, int maxLength) {
        source.addValue(name, fit(value, maxLength), Types.VARCHAR);
        return this;
    }

    public SqlParams integer(String name, Integer value) {
        source.addValue(name, value, Types.INTEGER);
        return this;
    }

    public SqlParams bigint(String name, Long value) {
        source.addValue(name, value, Types.BIGINT);
        return this;
    }

    public SqlParams bool(String name, boolean value) {
        source.addValue(name, value, Types.BOOLEAN);
        return this;
    }

    public SqlParams number(String name, Double value) {
        source.addValue(name, value, Types.DOUBLE);
        return this;
    }

    public SqlParams time(String name, Instant value) {
        source.addValue(name, toSql(value), Types.TIMESTAMP_WITH_TIMEZONE);
        return this;
    }

    public MapSqlParameterSource source() {
        return source;
    }

    /** The value stored for {@code instant}: UTC, microsecond precision. */
    public static OffsetDateTime toSql(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** Descriptive text cut to {@code maxLength} characters; a cut never leaves half a surrogate pair. */
    public static String fit(String value, int maxLength) {
        if (value == null || value.length() <= maxLength) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return value.substring(0, end);
    }
}
