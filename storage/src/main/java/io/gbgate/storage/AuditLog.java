package io.gbgate.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The append-only viewing audit ({@code audit_log} table). Safe for concurrent use. */
public final class AuditLog {

    /** Upper bound for the number of entries a single query returns. */
    public static final int MAX_ROWS = 10_000;

    private static final String COLUMNS = "id, at, principal, action, target, remote_address, detail";

    private static final String INSERT = """
            INSERT INTO audit_log (at, principal, action, target, remote_address, detail)
            VALUES (:at, :principal, :action, :target, :remoteAddress, :detail)
            """;

    private static final RowMapper<AuditEntry> ROW_MAPPER = AuditLog::mapRow;

    private final NamedParameterJdbcTemplate jdbc;

    /** An audit log stored in {@code dataSource}. */
    public AuditLog(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Appends an entry; its {@code id} is ignored and generated. Free text longer than its column is cut.
     *
     * @return the generated id
     */
    public long record(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        SqlParams params = new SqlParams()
                .time("at", entry.at())
                .text("principal", entry.principal(), Columns.PRINCIPAL)
                .id("action", entry.action())
                .text("target", entry.target(), Columns.TARGET)
                .text("remoteAddress", entry.remoteAddress(), Columns.REMOTE_ADDRESS)
                .text("detail", entry.detail(), Columns.DETAIL);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(INSERT, params.source(), keys, new String[] {"id"});
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("the database returned no generated audit id");
        }
        return id.longValue();
    }

    /**
     * The newest entries for a target, newest first (entries with the same time: the later stored first).
     *
     * @param limit 1..{@link #MAX_ROWS}
     */
    public List<AuditEntry> recent(String target, int limit) {
        Objects.requireNonNull(target, "target");
        SqlParams params = new SqlParams().id("target", target).integer("limit", requireLimit(limit));
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_log WHERE target = :target"
                + " ORDER BY at DESC, id DESC FETCH FIRST :limit ROWS ONLY", params.source(), ROW_MAPPER);
    }

    /**
     * Entries with {@code from <= at < to}, oldest first, at most {@link #MAX_ROWS} of them (the oldest).
     */
    public List<AuditEntry> between(Instant from, Instant to) {
        return between(from, to, MAX_ROWS);
    }

    /**
     * Entries with {@code from <= at < to}, oldest first, at most {@code limit} of them (the oldest).
     *
     * @param limit 1..{@link #MAX_ROWS}
     */
    public List<AuditEntry> between(Instant from, Instant to, int limit) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("time range ends before it starts: " + from + " .. " + to);
        }
        SqlParams params = new SqlParams().time("from", from).time("to", to).integer("limit", requireLimit(limit));
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_log WHERE at >= :from AND at < :to"
                + " ORDER BY at, id FETCH FIRST :limit ROWS ONLY", params.source(), ROW_MAPPER);
    }

    private static int requireLimit(int limit) {
        if (limit < 1 || limit > MAX_ROWS) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_ROWS + ": " + limit);
        }
        return limit;
    }

    private static AuditEntry mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new AuditEntry(rs.getLong("id"), Columns.instant(rs, "at"), rs.getString("principal"),
                rs.getString("action"), rs.getString("target"), rs.getString("remote_address"),
                rs.getString("detail"));
    }
}
