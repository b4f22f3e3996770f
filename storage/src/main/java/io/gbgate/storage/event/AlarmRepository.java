package io.gbgate.storage.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Alarms devices notified ({@code device_alarms}). Safe for concurrent use. */
public final class AlarmRepository {

    /** Longest stored description; longer text is cut. */
    public static final int DESCRIPTION_LENGTH = 1000;
    /** Most rows one query returns. */
    public static final int MAX_LIMIT = 10_000;

    private static final int CODE_LENGTH = 16;
    private static final String COLUMNS = "id, device_id, source_id, priority, method, alarm_type, alarm_time,"
            + " description, longitude, latitude, received_at, reset_at";
    private static final String INSERT = """
            INSERT INTO device_alarms (device_id, source_id, priority, method, alarm_type, alarm_time, description,
                                       longitude, latitude, received_at, reset_at)
            VALUES (:deviceId, :sourceId, :priority, :method, :alarmType, :alarmTime, :description, :longitude,
                    :latitude, :receivedAt, :resetAt)
            """;
    private static final RowMapper<DeviceAlarm> ROW_MAPPER = AlarmRepository::mapRow;

    private final NamedParameterJdbcTemplate jdbc;

    public AlarmRepository(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Stores an alarm; returns it with its ID. */
    public DeviceAlarm insert(DeviceAlarm alarm) {
        Objects.requireNonNull(alarm, "alarm");
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("deviceId", alarm.deviceId(), Types.VARCHAR)
                .addValue("sourceId", alarm.sourceId(), Types.VARCHAR)
                .addValue("priority", alarm.priority(), Types.INTEGER)
                .addValue("method", EventIds.fit(alarm.method(), CODE_LENGTH), Types.VARCHAR)
                .addValue("alarmType", EventIds.fit(alarm.alarmType(), CODE_LENGTH), Types.VARCHAR)
                .addValue("alarmTime", EventSql.local(alarm.alarmTime()), Types.TIMESTAMP)
                .addValue("description", EventIds.fit(alarm.description(), DESCRIPTION_LENGTH), Types.VARCHAR)
                .addValue("longitude", alarm.longitude(), Types.DOUBLE)
                .addValue("latitude", alarm.latitude(), Types.DOUBLE)
                .addValue("receivedAt", EventSql.instant(alarm.receivedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("resetAt", EventSql.instant(alarm.resetAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(INSERT, params, keys, new String[] {"id"});
        return find(Objects.requireNonNull(keys.getKey(), "generated id").longValue())
                .orElseThrow(() -> new IllegalStateException("inserted alarm not found"));
    }

    public Optional<DeviceAlarm> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM device_alarms WHERE id = :id",
                new MapSqlParameterSource("id", id), ROW_MAPPER).stream().findFirst();
    }

    /**
     * Alarms received in {@code [from, to)}, of one device when {@code deviceId} is not null, oldest first.
     *
     * @throws IllegalArgumentException for a reversed range or a limit outside 1..{@value #MAX_LIMIT}
     */
    public List<DeviceAlarm> find(String deviceId, Instant from, Instant to, int limit) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("alarm range ends before it starts: " + from + " .. " + to);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", EventSql.instant(from), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("to", EventSql.instant(to), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("limit", limit, Types.INTEGER);
        String deviceFilter = "";
        if (deviceId != null) {
            params.addValue("deviceId", EventIds.require(deviceId, "device id"), Types.VARCHAR);
            deviceFilter = " AND device_id = :deviceId";
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM device_alarms WHERE received_at >= :from"
                + " AND received_at < :to" + deviceFilter + " ORDER BY received_at, id FETCH FIRST :limit ROWS ONLY",
                params, ROW_MAPPER);
    }

    /** Records that the alarm was reset at {@code at}; false when there is no such alarm. */
    public boolean markReset(long id, Instant at) {
        return jdbc.update("UPDATE device_alarms SET reset_at = :at WHERE id = :id", new MapSqlParameterSource()
                .addValue("id", id, Types.BIGINT)
                .addValue("at", EventSql.instant(Objects.requireNonNull(at, "at")), Types.TIMESTAMP_WITH_TIMEZONE)) > 0;
    }

    private static DeviceAlarm mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new DeviceAlarm(rs.getLong("id"), rs.getString("device_id"), rs.getString("source_id"),
                rs.getObject("priority", Integer.class), rs.getString("method"), rs.getString("alarm_type"),
                EventSql.local(rs, "alarm_time"), rs.getString("description"), EventSql.number(rs, "longitude"),
                EventSql.number(rs, "latitude"), EventSql.instant(rs, "received_at"), EventSql.instant(rs, "reset_at"));
    }
}
